#!/usr/bin/env bash
# Starts what the tests need (PostgreSQL, Azurite), builds everything, runs every test and ends with
# "N passed, N failed". Safe to run again while the services are up.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/services.sh
source scripts/chromium.sh
ensure_chromium
export RYESVP_TEST_PG="${RYESVP_TEST_PG:-$RYESVP_LOCAL_PG}"

echo "[test] building"
dotnet build RyesVP.sln -c Release -v q --nologo -clp:ErrorsOnly

results="$PWD/.local/test-results"
rm -rf "$results"
set +e
dotnet test RyesVP.Tests/RyesVP.Tests.csproj -c Release --no-build --nologo \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=tests.trx" --results-directory "$results" "$@"
rc=$?
set -e

trx="$results/tests.trx"
if [ -f "$trx" ]; then
  passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | tr -dc '0-9')
  failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | tr -dc '0-9')
  echo
  echo "${passed:-0} passed, ${failed:-0} failed"
else
  echo
  echo "0 passed, 1 failed"
  rc=1
fi
exit $rc
