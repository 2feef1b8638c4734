#!/usr/bin/env bash
# Starts what the pipeline needs on this machine, idempotently: a throwaway PostgreSQL cluster under
# .local/pg and Azurite (Azure Storage emulator) under .local/azurite. Safe to run while they are up.
# Sourced by run.sh and test.sh; exports DATABASE_URL / AzureWebJobsStorage when they are not set.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
PG_PORT="${RYESVP_PG_PORT:-55432}"
mkdir -p "$LOCAL"

log() { echo "[services] $*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_apt() {
  # ensure_apt <command> <package>
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 with apt"
  if [ -z "${RYESVP_APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null; export RYESVP_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

start_postgres() {
  local bindir
  if ! command -v pg_config >/dev/null 2>&1 || [ ! -x "$(pg_config --bindir)/initdb" ]; then
    ensure_apt pg_config postgresql
  fi
  bindir="$(pg_config --bindir)"
  local pgdir="$LOCAL/pg"
  # PostgreSQL refuses to run as root; the cluster is owned by the postgres system user when we are root.
  local runas=()
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runas=(runuser -u postgres --)
    mkdir -p "$pgdir"
    chown postgres "$pgdir"
    if ! runuser -u postgres -- test -w "$pgdir"; then
      # The checkout sits below a directory the postgres user cannot enter; keep the cluster in /tmp instead.
      pgdir="/tmp/ryesvp-pg-$(echo "$ROOT" | md5sum | cut -c1-8)"
      mkdir -p "$pgdir" && chown postgres "$pgdir"
      log "checkout not reachable by the postgres user; cluster in $pgdir"
    fi
  fi
  local data="$pgdir/data"
  if [ ! -s "$data/PG_VERSION" ]; then
    log "creating PostgreSQL cluster in $pgdir"
    mkdir -p "$pgdir"
    "${runas[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
  fi
  if ! port_open "$PG_PORT"; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    "${runas[@]}" "$bindir/pg_ctl" -D "$data" -l "$pgdir/server.log" -w -t 60 start >/dev/null
  fi
  for _ in $(seq 1 60); do port_open "$PG_PORT" && break; sleep 0.5; done
  if ! "${runas[@]}" "$bindir/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='ryesvp'" | grep -q 1; then
    "${runas[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ryesvp
  fi
  export RYESVP_LOCAL_PG="postgresql://postgres@127.0.0.1:$PG_PORT/ryesvp"
  export DATABASE_URL="${DATABASE_URL:-$RYESVP_LOCAL_PG}"
}

start_azurite() {
  local bin="$LOCAL/tools/node_modules/.bin/azurite"
  if [ ! -x "$bin" ]; then
    command -v npm >/dev/null 2>&1 || ensure_apt npm npm
    log "installing Azurite with npm into .local/tools"
    mkdir -p "$LOCAL/tools"
    npm install --silent --no-audit --no-fund --prefix "$LOCAL/tools" azurite@3 >/dev/null
  fi
  if ! port_open 10000 || ! port_open 10001 || ! port_open 10002; then
    log "starting Azurite on 127.0.0.1:10000-10002"
    mkdir -p "$LOCAL/azurite"
    # --skipApiVersionCheck: the Azure SDKs send API versions newer than Azurite knows (DurableTask task hub init fails otherwise).
    nohup "$bin" --silent --skipApiVersionCheck --loose --location "$LOCAL/azurite" \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
      >"$LOCAL/azurite.log" 2>&1 &
    for _ in $(seq 1 60); do port_open 10000 && port_open 10001 && port_open 10002 && break; sleep 0.5; done
  fi
  export AzureWebJobsStorage="${AzureWebJobsStorage:-UseDevelopmentStorage=true}"
}

start_postgres
start_azurite
