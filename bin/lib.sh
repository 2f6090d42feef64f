# shellcheck shell=bash
# Helper functions shared by bin/start, bin/test and bin/bench.
# Source this file; it defines functions and a few variables and runs nothing else.
#
#   ensure_debs <pkgs...>            install missing Debian packages (apt-get update once)
#   ensure_venv                      .venv with uv and the deps of pyproject.toml (+ extra "test")
#   ensure_node_modules              npm ci when node_modules is missing or package-lock.json changed
#   free_port <preferred>            print the first free TCP port on 127.0.0.1 from <preferred> up
#   start_postgres <dir> <port> <durable:yes|no>   / stop_postgres <dir>
#   start_redis <port> [dir]         / stop_redis <port>, stop_stale_redis <dir>
#   ensure_database <port> <name>    create database <name> if missing
#   start_test_services / stop_test_services   throwaway PostgreSQL + Redis for bin/test, bin/bench
#   apply_app_role                   as the owner: create the application role, grant exactly its rights
#   db_env_from_app                  DB_* / MEDIA_ROOT as the app reads them (bin/backup, bin/restore)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
UV_VERSION="0.13.9"

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*"
  fi
}

_sha256() { sha256sum "$1" | cut -d' ' -f1; }

# --- Debian packages -------------------------------------------------------

_LIB_APT_UPDATED=no

ensure_debs() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${db:Status-Status}\n' "$pkg" 2>/dev/null | grep -qx installed; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; please install: ${missing[*]}"
  log "Installing Debian packages: ${missing[*]}"
  if [ "$_LIB_APT_UPDATED" != yes ]; then
    _as_root apt-get update -qq
    _LIB_APT_UPDATED=yes
  fi
  _as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends --no-upgrade "${missing[@]}"
}

# --- Python virtualenv -----------------------------------------------------

ensure_venv() {
  local pyproject="$ROOT/pyproject.toml" stamp
  [ -f "$pyproject" ] || die "$pyproject not found"
  if ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    log "Creating virtualenv in $VENV"
    python3 -m venv --clear "$VENV"
  fi
  if [ "$("$VENV/bin/uv" --version 2>/dev/null | cut -d' ' -f2)" != "$UV_VERSION" ]; then
    log "Installing uv $UV_VERSION into the virtualenv"
    "$VENV/bin/pip" install -q --disable-pip-version-check "uv==$UV_VERSION"
  fi
  stamp="$VENV/.installed-$(_sha256 "$pyproject")"
  if [ ! -e "$stamp" ]; then
    log "Installing Python dependencies from pyproject.toml (with extra 'test')"
    (cd "$ROOT" && "$VENV/bin/uv" pip install --python "$VENV/bin/python" -r pyproject.toml --extra test)
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}

# --- npm -------------------------------------------------------------------

ensure_node_modules() {
  local stamp
  if ! command -v npm >/dev/null 2>&1; then
    warn "npm not found: skipping node_modules (front-end packages will be missing)"
    return 0
  fi
  [ -f "$ROOT/package-lock.json" ] || die "$ROOT/package-lock.json not found"
  stamp="$ROOT/node_modules/.installed-$(_sha256 "$ROOT/package-lock.json")"
  if [ ! -e "$stamp" ]; then
    log "Installing front-end packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    rm -f "$ROOT"/node_modules/.installed-*
    touch "$stamp"
  fi
}

# --- ports -----------------------------------------------------------------

# free_port <preferred>: prints the first port >= preferred that can be bound on 127.0.0.1.
free_port() {
  python3 - "$1" <<'EOF'
import socket, sys
start = int(sys.argv[1])
for port in range(start, min(start + 200, 65536)):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    sys.exit(0)
sys.exit(f"no free port in {start}..{start + 199}")
EOF
}

# --- PostgreSQL ------------------------------------------------------------

_pgbin() {
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    die "PostgreSQL server binaries not found (install Debian package postgresql)"
  fi
  printf '%s\n' "$dir"
}

_as_postgres() { (cd / && runuser -u postgres -- "$@"); }

# reachable_pgdata <project-folder>: make <project-folder> usable as PostgreSQL data folder.
# The server runs as user postgres, which cannot pass a parent such as /root (mode 700). Then the
# data lives in /var/lib/wijkteam/<hash of the project path> and <project-folder> becomes a symlink
# to it, so the project still finds its data in the same place and a restart keeps it.
reachable_pgdata() {
  local wanted=$1 parent hash target
  if [ -L "$wanted" ]; then return 0; fi
  parent="$(dirname "$wanted")"
  mkdir -p "$parent"
  if runuser -u postgres -- test -x "$parent" 2>/dev/null; then return 0; fi
  hash="$(printf '%s' "$(cd "$parent" && pwd -P)" | sha256sum | cut -c1-12)"
  target="/var/lib/wijkteam/$hash/pgdata"
  mkdir -p "$target"
  chmod 755 /var/lib/wijkteam "/var/lib/wijkteam/$hash"
  if [ -d "$wanted" ] && [ -n "$(ls -A "$wanted" 2>/dev/null)" ]; then
    die "$wanted is not reachable for user postgres and not empty; move it to $target yourself"
  fi
  rmdir "$wanted" 2>/dev/null || true
  ln -s "$target" "$wanted"
  log "PostgreSQL cannot reach $parent (permissions); its data lives in $target, linked from $wanted"
}

# start_postgres <datadir> <port> <durable:yes|no>
# Returns 2 when the port was taken (by something started after free_port looked).
start_postgres() {
  local datadir=$1 port=$2 durable=${3:-yes} pgbin opts out logfile before
  pgbin="$(_pgbin)"
  mkdir -p "$datadir"
  datadir="$(cd "$datadir" && pwd -P)"
  chown postgres "$datadir"
  chmod 700 "$datadir"
  _as_postgres test -w "$datadir" ||
    die "user postgres cannot reach $datadir (a parent folder is not readable for other users?)"
  if [ ! -s "$datadir/PG_VERSION" ]; then
    [ -z "$(ls -A "$datadir")" ] || die "$datadir is not empty and not a PostgreSQL data directory"
    log "Initialising PostgreSQL cluster in $datadir"
    if ! out="$(_as_postgres "$pgbin/initdb" -D "$datadir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 2>&1)"; then
      printf '%s\n' "$out" >&2
      die "initdb failed"
    fi
  else
    stop_stale_postgres "$datadir"
  fi
  opts="-p $port -c listen_addresses=127.0.0.1"
  # Unix socket paths are limited to 107 bytes; fall back to TCP only for very deep folders.
  if [ $((${#datadir} + 20)) -lt 107 ]; then
    opts+=" -k '$datadir'"
  else
    opts+=" -k ''"
  fi
  if [ "$durable" = no ]; then
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  logfile="$datadir/postgresql.log"
  before=0
  if [ -f "$logfile" ]; then before="$(wc -l <"$logfile")"; fi
  log "Starting PostgreSQL on 127.0.0.1:$port (data: $datadir)"
  if ! _as_postgres "$pgbin/pg_ctl" -D "$datadir" -l "$logfile" -w -t 60 -o "$opts" start >/dev/null 2>&1; then
    if tail -n "+$((before + 1))" "$logfile" | grep -q 'Address already in use'; then
      return 2
    fi
    tail -n "+$((before + 1))" "$logfile" | tail -n 20 >&2 || true
    die "PostgreSQL did not start (log: $logfile)"
  fi
}

# start_postgres_on_free_port <datadir> <preferred port> <durable:yes|no>: like start_postgres
# on free_port <preferred>, trying further ports if one is taken meanwhile; sets PG_PORT.
start_postgres_on_free_port() {
  local port=$2 rc
  for _ in 1 2 3 4 5; do
    port="$(free_port "$port")"
    rc=0
    start_postgres "$1" "$port" "$3" || rc=$?
    if [ "$rc" -eq 0 ]; then
      PG_PORT=$port
      return 0
    fi
    [ "$rc" -eq 2 ] || return "$rc"
    warn "port $port was taken meanwhile; trying the next one"
    port=$((port + 1))
  done
  die "could not find a free port for PostgreSQL"
}

# stop_stale_postgres <datadir>: stops a server left running on datadir by an earlier run.
stop_stale_postgres() {
  local datadir=$1 pgbin
  [ -s "$datadir/PG_VERSION" ] || return 0
  datadir="$(cd "$datadir" && pwd -P)"  # user postgres may not pass a symlink's parents
  pgbin="$(_pgbin)"
  if _as_postgres "$pgbin/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
    warn "a PostgreSQL server from an earlier run is still running on $datadir; stopping it"
    _as_postgres "$pgbin/pg_ctl" -D "$datadir" -m fast -w -t 60 stop >/dev/null
  fi
}

# stop_postgres <datadir>
stop_postgres() {
  local datadir=$1 pgbin
  [ -s "$datadir/PG_VERSION" ] || return 0
  datadir="$(cd "$datadir" && pwd -P)"  # user postgres may not pass a symlink's parents
  pgbin="$(_pgbin)"
  if _as_postgres "$pgbin/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
    _as_postgres "$pgbin/pg_ctl" -D "$datadir" -m fast -w -t 60 stop >/dev/null || true
  fi
}

# ensure_database <port> <name>: create the database if it does not exist yet.
ensure_database() {
  local port=$1 name=$2 pgbin
  pgbin="$(_pgbin)"
  if [ "$("$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]; then
    log "Creating database $name"
    "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U postgres -E UTF8 -T template0 "$name"
  fi
}

# Two database roles. The owner (here the cluster's own superuser "postgres") runs the migrations and owns
# every table; the application connects as APP_DB_USER, which may read and write its tables but on the
# audit table only INSERT and SELECT (no UPDATE/DELETE/TRUNCATE, no ownership: no DISABLE TRIGGER).
OWNER_DB_USER=postgres
APP_DB_USER=wijkteam_app

# apply_app_role: run after every migrate, as the owner (idempotent; see audit/rollen.py).
apply_app_role() {
  log "Database role $APP_DB_USER: rights granted by the owner $OWNER_DB_USER"
  DB_USER="$OWNER_DB_USER" "$VENV/bin/python" "$ROOT/manage.py" databaserechten --app-rol "$APP_DB_USER" >/dev/null
}

# --- Redis -----------------------------------------------------------------

declare -A _LIB_REDIS_PID=()
declare -A _LIB_REDIS_TMPLOG=()

_redis_server_pid() {
  redis-cli -p "$1" info server 2>/dev/null | tr -d '\r' | sed -n 's/^process_id://p'
}

# stop_stale_redis <dir>: stops a server left running with data in dir by an earlier run.
stop_stale_redis() {
  local pidfile="$1/redis.pid" oldpid
  [ -s "$pidfile" ] || return 0
  oldpid="$(cat "$pidfile")"
  if grep -qs redis-server "/proc/$oldpid/cmdline"; then
    warn "a Redis server from an earlier run (pid $oldpid) is still running; stopping it"
    kill "$oldpid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$oldpid" 2>/dev/null || break; sleep 0.1; done
  fi
}

# start_redis <port> [dir]: with dir, data (RDB snapshots), pid and log file live there;
# without dir, nothing is persisted (for tests).
# Returns 2 when the port was taken (by something started after free_port looked).
start_redis() {
  local port=$1 dir=${2:-} pidfile logfile args pid=""
  command -v redis-server >/dev/null 2>&1 || die "redis-server not found (install Debian package redis-server)"
  args=(--port "$port" --bind 127.0.0.1 --daemonize yes --appendonly no)
  if [ -n "$dir" ]; then
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    pidfile="$dir/redis.pid"
    logfile="$dir/redis.log"
    stop_stale_redis "$dir"
    args+=(--dir "$dir" --save "900 1 300 10 60 10000")
  else
    pidfile="${TMPDIR:-/tmp}/wijkteam-redis-$port.pid"
    logfile="${TMPDIR:-/tmp}/wijkteam-redis-$port.log"
    args+=(--save '')
    _LIB_REDIS_TMPLOG[$port]=$logfile
  fi
  args+=(--pidfile "$pidfile" --logfile "$logfile")
  log "Starting Redis on 127.0.0.1:$port"
  rm -f "$pidfile"
  : >"$logfile"
  redis-server "${args[@]}" >/dev/null
  for _ in $(seq 100); do
    if [ -s "$pidfile" ] && [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ]; then
      pid="$(cat "$pidfile")"
      break
    fi
    if grep -q 'Address already in use' "$logfile"; then
      if [ -z "$dir" ]; then rm -f "$logfile"; unset "_LIB_REDIS_TMPLOG[$port]"; fi
      return 2
    fi
    sleep 0.1
  done
  if [ -z "$pid" ]; then
    tail -n 20 "$logfile" >&2 || true
    die "Redis did not start on port $port (log: $logfile)"
  fi
  [ "$(_redis_server_pid "$port")" = "$pid" ] || die "port $port answers, but not with the Redis server just started"
  _LIB_REDIS_PID[$port]=$pid
}

# start_redis_on_free_port <preferred port> [dir]: like start_redis on free_port <preferred>,
# trying further ports if one is taken meanwhile; sets REDIS_PORT.
start_redis_on_free_port() {
  local port=$1 rc
  for _ in 1 2 3 4 5; do
    port="$(free_port "$port")"
    rc=0
    start_redis "$port" "${2:-}" || rc=$?
    if [ "$rc" -eq 0 ]; then
      REDIS_PORT=$port
      return 0
    fi
    [ "$rc" -eq 2 ] || return "$rc"
    warn "port $port was taken meanwhile; trying the next one"
    port=$((port + 1))
  done
  die "could not find a free port for Redis"
}

# stop_redis <port>: shuts the server down (saving only if it was started with a dir).
# Only stops a server that this shell started, or any server when none was recorded.
stop_redis() {
  local port=$1 expected="${_LIB_REDIS_PID[$1]:-}" running
  running="$(_redis_server_pid "$port")"
  if [ -n "$running" ]; then
    if [ -n "$expected" ] && [ "$running" != "$expected" ]; then
      warn "Redis on port $port is not the one started here (pid $running); leaving it alone"
      return 0
    fi
    redis-cli -p "$port" shutdown >/dev/null 2>&1 || true
    for _ in $(seq 100); do kill -0 "$running" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ -n "${_LIB_REDIS_TMPLOG[$port]:-}" ]; then
    rm -f "${_LIB_REDIS_TMPLOG[$port]}"
    unset "_LIB_REDIS_TMPLOG[$port]"
  fi
  unset "_LIB_REDIS_PID[$port]"
}

# --- throwaway services for bin/test and bin/bench ------------------------

TEST_TMP=""
TEST_PG_DATA=""
TEST_REDIS_PORT=""

stop_test_services() {
  if [ -n "$TEST_REDIS_PORT" ]; then stop_redis "$TEST_REDIS_PORT"; fi
  if [ -n "$TEST_PG_DATA" ]; then stop_postgres "$TEST_PG_DATA"; fi
  if [ -n "$TEST_TMP" ]; then rm -rf "$TEST_TMP"; fi
  TEST_TMP="" TEST_PG_DATA="" TEST_REDIS_PORT=""
}

# Starts PostgreSQL (durable=no) and Redis on free ports (preferring 55432 / 56379) in a
# temporary folder, stops them and removes the folder on exit, and exports DB_* / REDIS_URL.
start_test_services() {
  trap stop_test_services EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  TEST_TMP="$(mktemp -d -t wijkteam-test.XXXXXX)"
  chmod 755 "$TEST_TMP"
  TEST_PG_DATA="$TEST_TMP/pgdata"
  start_postgres_on_free_port "$TEST_PG_DATA" 55432 no
  ensure_database "$PG_PORT" wijkteam
  start_redis_on_free_port 56379
  TEST_REDIS_PORT=$REDIS_PORT
  # pytest-django creates and migrates the test database as the owner; tests/audit opens a second
  # connection as DB_APP_USER (after manage.py databaserechten) to prove what the application cannot do.
  export DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_NAME=wijkteam DB_USER="$OWNER_DB_USER" DB_PASSWORD=""
  export DB_APP_USER="$APP_DB_USER"
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  export DJANGO_ALLOW_ASYNC_UNSAFE=true
  export PLAYWRIGHT_CHROMIUM_EXECUTABLE=/usr/bin/chromium
}

# --- the app's database and files, for bin/backup and bin/restore ---------

# db_env_from_app: DB_* and MEDIA_ROOT with the app's defaults (config/settings.py); without DB_PORT, the
# port of the PostgreSQL that bin/start runs on var/pgdata, else 5432. Exports PGPASSWORD.
db_env_from_app() {
  local pidfile="$ROOT/var/pgdata/postmaster.pid"
  DB_HOST="${DB_HOST:-127.0.0.1}"
  DB_NAME="${DB_NAME:-wijkteam}"
  DB_USER="${DB_USER:-postgres}"
  if [ -z "${DB_PORT:-}" ]; then
    if [ -s "$pidfile" ]; then DB_PORT="$(sed -n 4p "$pidfile")"; else DB_PORT=5432; fi
  fi
  MEDIA_ROOT="${MEDIA_ROOT:-$ROOT/var/media}"
  export DB_HOST DB_PORT DB_NAME DB_USER MEDIA_ROOT PGPASSWORD="${DB_PASSWORD:-}"
}
