#!/usr/bin/env bash
# Makes sure Debian's chromium is installed (the JavaScript-rendered venues and the rendering tests use it).
# Sourced by test.sh and run.sh. A browser is never downloaded at run time; this uses the distribution package.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] || [ -n "${BROWSER_WS_ENDPOINT:-}" ] || [ -n "${CHROMIUM_PATH:-}" ]; then
    return 0
  fi
  echo "[chromium] installing Debian's chromium (first run on this machine)"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1; then
    $sudo apt-get update -q >/dev/null 2>&1 || true
    $sudo apt-get install -y -q --no-install-recommends chromium >/dev/null
  fi
  /usr/bin/chromium --version 2>/dev/null | head -1 || true
}
