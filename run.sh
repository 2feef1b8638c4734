#!/usr/bin/env bash
# Runs the daily pipeline once, locally, through the durable host (Azure Storage task hub on Azurite).
# On a fresh machine with no API keys it replays the bundled samples (samples/); with RYESVP_LIVE=1 or any
# API key set it calls the real sites and APIs. Safe to run again: services already running are reused.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/services.sh
source scripts/chromium.sh
# Offline runs replay the rendered venue pages and need no browser; live runs do.
ensure_chromium || echo "[run] chromium could not be installed; live runs of the JavaScript-rendered venues will fail (replay does not need it)"

if [ -z "${RYESVP_HTTP_REPLAY:-}" ] && [ -z "${RYESVP_LIVE:-}" ] && [ -z "${TICKETMASTER_API_KEY:-}${OPENAI_API_KEY:-}${GOOGLE_API_KEY:-}${SPOTIFY_CLIENT_ID:-}" ]; then
  export RYESVP_HTTP_REPLAY="$PWD/samples"
  export RYESVP_SAMPLE_APIS="$PWD/samples/apis"
  echo "[run] no API keys: replaying the bundled samples; Ticketmaster, Google, Spotify and OpenAI answered from samples/apis (set RYESVP_LIVE=1 for the real ones)"
fi

echo "[run] building"
dotnet build RyesVP.Cli/RyesVP.Cli.csproj -c Release -v q --nologo -clp:ErrorsOnly >/dev/null
ryesvp() { dotnet RyesVP.Cli/bin/Release/net10.0/ryesvp.dll "$@"; }

ryesvp db migrate
ryesvp db seed
echo "[run] daily pipeline"
set +e
ryesvp run daily --wait
rc=$?
set -e
echo
echo "[run] recent runs:"
ryesvp runs --top 5
echo
echo "Serve the HTTP API and the timer:  dotnet RyesVP.Cli/bin/Release/net10.0/ryesvp.dll serve   (http://localhost:7071/api)"
echo "Task hub for Durable Functions Monitor: Azurite (UseDevelopmentStorage=true), hub ${TaskHubName:-RyesVPLocal}"
exit $rc
