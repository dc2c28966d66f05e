#!/usr/bin/env bash
# Settings, tools and server control shared by the benchmark scripts (run.sh, soak.sh); sourced,
# not run. See run.sh for the settings.

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_DIR="$ROOT/src/bench"
OUT="$ROOT/target/bench"
SERVER="$ROOT/target/server"
OFFSET=${BENCH_PORT_OFFSET:-500}
HTTP_PORT=$((8080 + OFFSET))
MGMT_PORT=$((9990 + OFFSET))
NGINX_PORT=${BENCH_NGINX_PORT:-8581}
VARNISH_PORT=${BENCH_VARNISH_PORT:-8681}
# as README "Behind Varnish or a CDN" advises: no shared-memory log records of a hit's headers,
# timestamps or VCL steps (Begin, End, Link, the URL and the status stay, so varnishlog still groups)
VARNISH_VSL_MASK=${BENCH_VSL_MASK:--ReqHeader,-ReqUnset,-RespHeader,-RespUnset,-ObjHeader,-Timestamp,-VCL_call,-VCL_return,-ReqAcct,-Hit,-VCL_use,-ReqProtocol,-RespProtocol,-RespReason}
DB=${BENCH_DB:-verity_bench}
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
PGUSER=${BENCH_PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DURATION=${BENCH_DURATION:-20s}
PAGES=${BENCH_PAGES:-100000}
LARGE_PAGES=${BENCH_LARGE_PAGES:-1000000}
IMPORT_PAGES=${BENCH_IMPORT_PAGES:-10000}
BASE_URL="http://127.0.0.1:$HTTP_PORT"
PAGE_TOPIC=exercise
PAGE_SLUG=exercises-for-lower-back-pain
PAGE_PATH="/$PAGE_TOPIC/$PAGE_SLUG"
RATING_SLUG=gentle-yoga-for-back-pain
ADMIN_USER=benchadmin
ADMIN_PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
WRK_ARGS=(-t2 -c50 -d"$DURATION" --latency)

SERVER_PID=""
NGINX_PID=""
VARNISH_PID=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now_ms() { date +%s%3N; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
psql_val() { psql -X -At -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }

# ---------------------------------------------------------------------------- tools and build
install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v pgbench >/dev/null || missing+=(postgresql-contrib)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v curl >/dev/null || missing+=(curl)
  [ -x /usr/sbin/varnishd ] || missing+=(varnish)
  [ -e /usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so ] || missing+=(varnish-modules)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # the Debian package starts a system nginx on port 80; the benchmark runs its own
    if pgrep -x nginx >/dev/null && [ -f /run/nginx.pid ]; then
      $sudo nginx -s stop 2>/dev/null || true
    fi
  fi
  NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
}

build() {
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f "$ROOT/target/verity.war" ] && [ -d "$SERVER" ]; then
    log "using the existing build in target/"
    return
  fi
  log "building (unit tests skipped)"
  (cd "$ROOT" && { ./mvnw -o -q -B package -DskipUnitTests=true -DskipTests >"$OUT/build.log" 2>&1 \
    || ./mvnw -q -B package -DskipUnitTests=true -DskipTests >"$OUT/build.log" 2>&1; }) \
    || { tail -30 "$OUT/build.log"; die "build"; }
}

# ---------------------------------------------------------------------------- database
fresh_database() {
  psql -X -q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
}

# ---------------------------------------------------------------------------- WildFly
# A copy of the provisioned standalone/ folder with the WAR in deployments/, so the server in
# target/server (the one the integration tests use) stays untouched.
prepare_base() {
  local base=$1
  rm -rf "$base"
  mkdir -p "$base"
  cp -a "$SERVER/standalone/configuration" "$SERVER/standalone/deployments" "$base/"
  cp "$ROOT/target/verity.war" "$base/deployments/verity.war"
}

# start_server <base dir> <log name> [extra env assignments...]; sets SERVER_PID (the java process)
# and SERVER_STARTED_MS.
start_server() {
  local base=$1 name=$2
  shift 2
  rm -f "$OUT/server.pid"
  SERVER_STARTED_MS=$(now_ms)
  env LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$OUT/server.pid" \
    VERITY_DB_DRIVER=postgresql VERITY_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    VERITY_DB_USER="$PGUSER" VERITY_DB_PASSWORD="${BENCH_PGPASSWORD:-postgres}" \
    VERITY_DATA_DIR="$base/verity-data" VERITY_NODE_ID=bench \
    VERITY_SITE_URL="$BASE_URL" VERITY_CACHE_PURGE_URLS="http://127.0.0.1:$VARNISH_PORT/" \
    VERITY_ADMIN_USERNAME="$ADMIN_USER" VERITY_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    VERITY_RATE_LIMIT_PUBLIC_WRITES=100000000 VERITY_RATE_LIMIT_RATING=100000000 \
    VERITY_RATE_LIMIT_COOKIELESS=100000000 VERITY_RATE_LIMIT_PER_NETWORK=100000000 VERITY_RATE_LIMIT_COMMENT=100000000 \
    "$@" \
    "$SERVER/bin/standalone.sh" -Djboss.server.base.dir="$base" \
    -Djboss.socket.binding.port-offset="$OFFSET" -Djava.net.preferIPv4Stack=true \
    >"$OUT/$name.log" 2>&1 &
  local launcher=$!
  for _ in $(seq 1 100); do
    [ -s "$OUT/server.pid" ] && break
    sleep 0.1
  done
  SERVER_PID=$(cat "$OUT/server.pid" 2>/dev/null || echo "$launcher")
}

# cpu_seconds: the CPU time (user and system) the server's java process has used so far
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$SERVER_PID/stat" 2>/dev/null || echo "?"
}

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    # up to a minute: a server's first stop also writes its class data sharing archive (about 15 s)
    for _ in $(seq 1 120); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

# profile_start/profile_stop <name>: with BENCH_JFR=1, a JFR recording of the server while a row
# runs, its hot frames printed by hot-frames.py to $OUT/<name>-frames.txt
profile_start() {
  [ "${BENCH_JFR:-}" = 1 ] || return 0
  jcmd "$SERVER_PID" JFR.start name="$1" settings=profile filename="$OUT/$1.jfr" >/dev/null
}

profile_stop() {
  [ "${BENCH_JFR:-}" = 1 ] || return 0
  jcmd "$SERVER_PID" JFR.stop name="$1" >/dev/null
  "$BENCH_DIR/hot-frames.py" "$OUT/$1.jfr" 20 >"$OUT/$1-frames.txt"
  log "$1: hot frames in $OUT/$1-frames.txt"
  cat "$OUT/$1-frames.txt" >&2
}

# terminate <pid>: asks the process to stop and waits up to five seconds for it
terminate() {
  [ -n "$1" ] || return 0
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.25
  done
}

stop_nginx() {
  terminate "$NGINX_PID"
  NGINX_PID=""
}

# start_varnish: the shipped VCL (src/main/varnish/verity.vcl) in front of the server on VARNISH_PORT
start_varnish() {
  mkdir -p "$OUT/varnish"
  sed "s/\.port = \"8080\";/.port = \"$HTTP_PORT\";/" "$ROOT/src/main/varnish/verity.vcl" >"$OUT/varnish/verity.vcl"
  local jail=()
  [ "$(id -u)" -eq 0 ] || jail=(-j none)
  /usr/sbin/varnishd -F -n "$OUT/varnish/state" -a "127.0.0.1:$VARNISH_PORT" -f "$OUT/varnish/verity.vcl" \
    -s malloc,256m -p vsl_mask="$VARNISH_VSL_MASK" ${BENCH_VARNISH_PARAMS:-} "${jail[@]}" >"$OUT/varnish/varnishd.log" 2>&1 &
  VARNISH_PID=$!
  for _ in $(seq 1 100); do
    answers_200 "http://127.0.0.1:$VARNISH_PORT$PAGE_PATH" && return 0
    sleep 0.1
  done
  die "Varnish did not start (see $OUT/varnish/varnishd.log)"
}

stop_varnish() {
  terminate "$VARNISH_PID"
  VARNISH_PID=""
}

cleanup() {
  stop_varnish
  stop_nginx
  stop_server
}

# wait_until <seconds> <what> <command...>: milliseconds since SERVER_STARTED_MS when the command
# first succeeded; fails the benchmark when the time is up or the server has stopped
wait_until() {
  local limit=$1 what=$2 deadline
  shift 2
  deadline=$(( $(now_ms) + limit * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if "$@"; then
      echo $(( $(now_ms) - SERVER_STARTED_MS ))
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server stopped; see its log in $OUT"
    sleep 0.05
  done
  die "$what not within ${limit}s"
}

answers_200() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true)" = 200 ]; }
logged() { grep -q -- "$2" "$1" 2>/dev/null; }

# wait_for_200 <url> <seconds>: milliseconds since SERVER_STARTED_MS when the URL first answered 200
wait_for_200() { wait_until "$2" "a 200 from $1" answers_200 "$1"; }

# wait_for_log <file> <pattern> <seconds>
wait_for_log() { wait_until "$3" "'$2' in $1" logged "$1" "$2"; }

# ---------------------------------------------------------------------------- wrk output
wrk_rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
# p99 in milliseconds from wrk's latency distribution
wrk_p99_ms() {
  awk '$1 == "99%" {v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
       if (u == "us") v = v / 1000; else if (u == "s") v = v * 1000; else if (u == "m") v = v * 60000;
       printf "%.2f", v}' "$1"
}
wrk_errors() {
  awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10}
       END {print n + 0}' "$1"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
yes_no() { awk -v c="$1" 'BEGIN { print (c ? "yes" : "no") }'; }

# the current cycle's rating count as the page shows it (0 when no count is shown)
page_rating_count() {
  curl -s --max-time 5 "$BASE_URL/$1" | grep -oE 'based on [0-9]+ ratings?|Rated ([0-9]+ times|once)' \
    | sed 's/Rated once/Rated 1/' | grep -oE '[0-9]+' | head -1 || true
}
