#!/usr/bin/env bash
# Verity's benchmark: builds the server, runs it on PostgreSQL (a fresh database each run) and
# measures five rows side by side with a reference measured in the same run:
#   P1 page view against nginx serving the same bytes, P2 rating writes against pgbench INSERTs,
#   P3 the review scan at two sizes, P4 boot to first page and resident memory, P5 content import,
#   P6 a soak of mixed load (soak.sh).
# Prints the table and writes it to target/bench/results.md. See README "## Benchmarks".
#
# Settings (environment variables):
#   BENCH_PORT_OFFSET   WildFly port offset (HTTP 8080+offset, management 9990+offset)   500
#   BENCH_NGINX_PORT    port of the reference nginx                                        8581
#   BENCH_VARNISH_PORT  port of Varnish (the shipped VCL) in front of the server             8681
#   BENCH_VSL_MASK      Varnish's vsl_mask (README "Running Varnish")                  the README's
#   BENCH_VARNISH_PARAMS  more varnishd arguments, e.g. "-p thread_pools=1"                   none
#   BENCH_ONLY_P1=1     stop after the P1 rows (page views direct and through Varnish)
#   BENCH_ONLY_P1P2=1   the P1 rows, then P2 and its pgbench reference
#   BENCH_ONLY_P2=1     P2 only (one page and 1,000 pages) and its pgbench reference
#   BENCH_ONLY_P3=1     load the pages and run the P3 scans only
#   BENCH_ONLY_P4=1     load the pages, then start the server four times and time each boot
#   BENCH_ONLY_P5=1     run the P5 import only
#   BENCH_JFR=1         record P1, P2, the large P3 scan and P5 with JFR and print their hot frames
#   BENCH_DB            PostgreSQL database, dropped and created fresh                     verity_bench
#   BENCH_PGHOST/PORT/USER  the PostgreSQL server                                  127.0.0.1/5432/postgres
#   BENCH_DURATION      length of each wrk and pgbench run                                 20s
#   BENCH_PAGES         pages loaded for P1, P2, P4 and the first scan                     100000
#   BENCH_LARGE_PAGES   pages for the second scan                                          1000000
#   BENCH_IMPORT_PAGES  generated Markdown files imported in P5                            10000
#   BENCH_SKIP_BUILD=1  use the server and WAR already in target/
#   BENCH_SOAK_SECONDS  length of the P6 soak (after a BENCH_SOAK_WARMUP of 60 s)         600
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

# P5: import of generated Markdown pages into an empty database
p5_import() {
  log "P5: generating $IMPORT_PAGES pages"
  "$BENCH_DIR/make-content.sh" "$OUT/import-content" "$IMPORT_PAGES"
  fresh_database
  prepare_base "$OUT/base-import"
  log "P5: start on an empty database with VERITY_CONTENT_DIR"
  start_server "$OUT/base-import" server-import VERITY_CONTENT_DIR="$OUT/import-content"
  wait_for_log "$OUT/server-import.log" "Content import: " 300 >/dev/null # the first progress line: the import runs
  profile_start p5
  IMPORT_WALL_MS=$(wait_for_log "$OUT/server-import.log" "Content import from" 900)
  profile_stop p5
  IMPORT_MS=$(sed -n 's/.*Content import from .* in \([0-9]*\) ms.*/\1/p' "$OUT/server-import.log" | head -1)
  IMPORT_REPORT=$(sed -n 's/.*Content import from [^:]*: \(.*\) in [0-9]* ms.*/\1/p' "$OUT/server-import.log" | head -1)
  log "P5: import logged after $IMPORT_WALL_MS ms from start (importer: $IMPORT_MS ms; $IMPORT_REPORT)"
  IMPORTED=$(psql_val "select count(*) from page where slug like 'generated-page-%'")
  stop_server
}

# P2 reference: pgbench single-row INSERTs on the same PostgreSQL server
p2_reference() {
  log "P2: pgbench reference"
  psql_db -c "create table bench_rating_insert (id bigserial primary key, reader_id varchar(40) not null,
              stars smallint not null, created_at timestamp(6) with time zone not null)"
  pgbench -n -c 50 -j 2 -T "${DURATION%s}" -f "$BENCH_DIR/pgbench-insert.sql" "$DB" >"$OUT/p2-pgbench.txt" 2>&1 \
    || { cat "$OUT/p2-pgbench.txt"; die "pgbench"; }
  PG_TPS=$(awk '/^tps = / {print $3; exit}' "$OUT/p2-pgbench.txt")
  log "P2: pgbench $PG_TPS inserts/s"
}

# ---------------------------------------------------------------------------- the run
if [ "${BENCH_ONLY_P5:-}" = 1 ]; then
  mkdir -p "$OUT"
  install_tools
  build
  p5_import
  echo "| P5 import of $IMPORT_PAGES Markdown pages | $IMPORT_WALL_MS ms from start to the completion line (importer $IMPORT_MS ms; $IMPORTED pages) | - | - | < 30 s |" | tee "$OUT/results-p5.md"
  exit 0
fi
mkdir -p "$OUT"
install_tools
build

log "fresh database $DB"
fresh_database
BASE="$OUT/base"
prepare_base "$BASE"

log "first start: schema, seed content and the administrator"
start_server "$BASE" server-first
FIRST_BOOT_MS=$(wait_for_200 "$BASE_URL$PAGE_PATH" 180)
log "first start answered after $FIRST_BOOT_MS ms"
curl -sf -o /dev/null "$BASE_URL/yoga/$RATING_SLUG" || die "the ratings page /yoga/$RATING_SLUG does not answer 200"

log "loading $PAGES pages with SQL"
t0=$(now_ms)
psql_db -v first=1 -v last="$PAGES" -f "$BENCH_DIR/load-pages.sql"
LOAD_MS=$(( $(now_ms) - t0 ))
log "loaded in $LOAD_MS ms ($(psql_val 'select count(*) from page') pages)"

if [ "${BENCH_ONLY_P3:-}" != 1 ]; then
if [ "${BENCH_ONLY_P2:-}" != 1 ]; then
# ---- P4: boot to first page with the pages loaded
stop_server
log "P4: restart with $PAGES pages"
start_server "$BASE" server-p4
BOOT_MS=$(wait_for_200 "$BASE_URL$PAGE_PATH" 180)
log "P4: first 200 after $BOOT_MS ms, $(cpu_seconds) s of CPU"
# the phases: WildFly's own start (deployment included) and Verity's part of the deployment
BOOT_PHASES="WildFly started in $(sed -n 's/.*WFLYSRV0025: .* started in \([0-9]*\)ms.*/\1/p' "$OUT/server-p4.log" | head -1) ms; $(grep -o 'Verity ready in .*' "$OUT/server-p4.log" | head -1)"
log "P4: $BOOT_PHASES"
if [ "${BENCH_ONLY_P4:-}" = 1 ]; then
  BOOT_CPU=" $(cpu_seconds)"
  # the boot alone, three more times: one start varies by a second or more on a shared machine
  for run in 2 3 4; do
    stop_server
    start_server "$BASE" "server-p4-$run"
    ms=$(wait_for_200 "$BASE_URL$PAGE_PATH" 180)
    cpu=$(cpu_seconds)
    log "P4: start $run: first 200 after $ms ms, $cpu s of CPU; $(grep -o 'Verity ready in .*' "$OUT/server-p4-$run.log" | head -1)"
    BOOT_MS="$BOOT_MS $ms"
    BOOT_CPU="$BOOT_CPU $cpu"
  done
  echo "| P4 boot to first page with $PAGES pages | $BOOT_MS ms in four starts (CPU of the server until then:$BOOT_CPU s) | - | - | <= 10 s |" | tee "$OUT/results-p4.md"
  exit 0
fi

# ---- P1: page view against nginx serving the same bytes
log "P1: page view"
mkdir -p "$OUT/nginx/html/$PAGE_TOPIC" "$OUT/nginx/logs"
curl -sf -o "$OUT/nginx/html/$PAGE_TOPIC/$PAGE_SLUG" "$BASE_URL$PAGE_PATH"
PAGE_BYTES=$(wc -c <"$OUT/nginx/html/$PAGE_TOPIC/$PAGE_SLUG")
cat >"$OUT/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $OUT/nginx/tmp;
  proxy_temp_path $OUT/nginx/tmp;
  fastcgi_temp_path $OUT/nginx/tmp;
  uwsgi_temp_path $OUT/nginx/tmp;
  scgi_temp_path $OUT/nginx/tmp;
  sendfile on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/nginx/html;
    default_type "text/html; charset=UTF-8";
  }
}
EOF
mkdir -p "$OUT/nginx/tmp"
"$NGINX_BIN" -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" >"$OUT/nginx/logs/stdout.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT$PAGE_PATH" && break
  sleep 0.1
done
cmp -s <(curl -sf "http://127.0.0.1:$NGINX_PORT$PAGE_PATH") "$OUT/nginx/html/$PAGE_TOPIC/$PAGE_SLUG" \
  || die "nginx does not serve the saved page"

log "P1: warm-up (5 s each)"
wrk -t2 -c50 -d5s "$BASE_URL$PAGE_PATH" >/dev/null
wrk -t2 -c50 -d5s "http://127.0.0.1:$NGINX_PORT$PAGE_PATH" >/dev/null
log "P1: wrk ${WRK_ARGS[*]} against Verity"
profile_start p1
wrk "${WRK_ARGS[@]}" "$BASE_URL$PAGE_PATH" >"$OUT/p1-verity.txt"
profile_stop p1
log "P1: wrk ${WRK_ARGS[*]} against nginx"
wrk "${WRK_ARGS[@]}" "http://127.0.0.1:$NGINX_PORT$PAGE_PATH" >"$OUT/p1-nginx.txt"
log "P1: Varnish with the shipped VCL in front of Verity"
start_varnish
VARNISH_URL="http://127.0.0.1:$VARNISH_PORT"
cmp -s <(curl -sf "$VARNISH_URL$PAGE_PATH") "$OUT/nginx/html/$PAGE_TOPIC/$PAGE_SLUG" || die "Varnish does not serve the page"
wrk -t2 -c50 -d5s "$VARNISH_URL$PAGE_PATH" >/dev/null
log "P1: wrk ${WRK_ARGS[*]} through Varnish"
wrk "${WRK_ARGS[@]}" "$VARNISH_URL$PAGE_PATH" >"$OUT/p1-varnish.txt"
stop_nginx
P1_RPS=$(wrk_rps "$OUT/p1-verity.txt"); P1_P99=$(wrk_p99_ms "$OUT/p1-verity.txt"); P1_ERR=$(wrk_errors "$OUT/p1-verity.txt")
NG_RPS=$(wrk_rps "$OUT/p1-nginx.txt"); NG_P99=$(wrk_p99_ms "$OUT/p1-nginx.txt")
VA_RPS=$(wrk_rps "$OUT/p1-varnish.txt"); VA_P99=$(wrk_p99_ms "$OUT/p1-varnish.txt"); VA_ERR=$(wrk_errors "$OUT/p1-varnish.txt")
log "P1: Verity $P1_RPS req/s p99 $P1_P99 ms ($P1_ERR errors); through Varnish $VA_RPS req/s p99 $VA_P99 ms; nginx $NG_RPS req/s p99 $NG_P99 ms"

# ---- P1: a change is seen through Varnish: a withdrawal by an editor, purged by the server
log "P1: a withdrawal seen through Varnish"
# a page the seed content brought, with its revisions (the SQL-loaded pages have none), cached in Varnish
FRESH_PATH=""
for slug in $(psql_val "select slug from page where status = 'PUBLISHED' and slug not like 'bench-page-%' and slug not in ('$PAGE_SLUG', '$RATING_SLUG') order by id"); do
  topic=$(psql_val "select t.slug from page p join topic t on t.id = p.topic_id where p.slug = '$slug'")
  if answers_200 "$VARNISH_URL/$topic/$slug"; then
    FRESH_PATH="/$topic/$slug"
    break
  fi
done
[ -n "$FRESH_PATH" ] || die "no readable seed page to withdraw"
curl -sf -o /dev/null "$VARNISH_URL$FRESH_PATH"
FRESH_HIT=$(curl -s -o /dev/null -D - "$VARNISH_URL$FRESH_PATH" | awk -F': ' 'tolower($1) == "x-cache" {print $2}' | tr -d '\r')
BENCH_EDITOR="bencheditor-$(now_ms)"; BENCH_EDITOR_PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
curl -sf -o /dev/null -u "$ADMIN_USER:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d "{\"username\":\"$BENCH_EDITOR\",\"displayName\":\"Bench editor\",\"roles\":[\"EDITOR\"],\"password\":\"$BENCH_EDITOR_PASSWORD\"}" \
  "$BASE_URL/api/v1/accounts" || die "creating the editor"
withdraw_status=$(curl -s -o "$OUT/withdraw.json" -w '%{http_code}' -u "$BENCH_EDITOR:$BENCH_EDITOR_PASSWORD" -H 'Content-Type: application/json' \
  -H 'Accept: application/json' -d '{"step":"withdraw","reason":"SAFETY","note":"Withdrawn by the benchmark."}' "$BASE_URL/api/v1/editorial/pages/${FRESH_PATH##*/}/transitions")
answered=$(now_ms)
VARNISH_FRESH_MS=""
while [ $(( $(now_ms) - answered )) -lt 5000 ]; do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$VARNISH_URL$FRESH_PATH")" = 410 ]; then
    VARNISH_FRESH_MS=$(( $(now_ms) - answered ))
    break
  fi
  sleep 0.01
done
log "P1: $FRESH_PATH (cached: $FRESH_HIT) withdrawn ($withdraw_status), 410 through Varnish after ${VARNISH_FRESH_MS:-more than 5000} ms"
stop_varnish

# ---- P4: resident memory after P1
RSS_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
RSS_MB=$(( RSS_KB / 1024 ))
log "P4: java RSS $RSS_MB MB"

# ---- P1: a rating shows on the page
log "P1: rating freshness"
before=$(page_rating_count "yoga/$RATING_SLUG"); before=${before:-0}
curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"stars":4}' \
  "$BASE_URL/api/v1/pages/$RATING_SLUG/ratings" || die "POST rating"
posted=$(now_ms)
FRESH_MS=""
while [ $(( $(now_ms) - posted )) -lt 5000 ]; do
  after=$(page_rating_count "yoga/$RATING_SLUG"); after=${after:-0}
  if [ "$after" != "$before" ]; then
    FRESH_MS=$(( $(now_ms) - posted ))
    break
  fi
  sleep 0.02
done
log "P1: rating count $before -> ${after:-?} on the page after ${FRESH_MS:-more than 5000} ms"

if [ "${BENCH_ONLY_P1:-}" = 1 ] || [ "${BENCH_ONLY_P1P2:-}" = 1 ]; then
  P1_RATIO=$(ratio "$P1_RPS" "$NG_RPS"); VA_RATIO=$(ratio "$VA_RPS" "$NG_RPS")
  {
    echo "Measured $(date -u +'%Y-%m-%d %H:%M UTC') on $(nproc) cores; wrk ${WRK_ARGS[*]}; $PAGES pages loaded; P1 rows only;" \
      "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| row | figure | reference | ratio | target |"
    echo "|---|---|---|---|---|"
    echo "| P1 page view \`GET $PAGE_PATH\` ($PAGE_BYTES bytes) | $P1_RPS req/s, p99 $P1_P99 ms, $P1_ERR errors | nginx, same bytes: $NG_RPS req/s, p99 $NG_P99 ms | $P1_RATIO | >= 0.5x nginx req/s and p99 < 20 ms |"
    echo "| P1 page view through Varnish | $VA_RPS req/s, p99 $VA_P99 ms, $VA_ERR errors | nginx: $NG_RPS req/s | $VA_RATIO | >= 0.9x nginx req/s |"
    echo "| P1 withdrawal seen through Varnish | 410 ${VARNISH_FRESH_MS:->5000} ms after the editor's answer ($withdraw_status; the page was a cache $FRESH_HIT) | - | - | <= 1 s |"
    echo "| P1 rating shows on the page | ${FRESH_MS:->5000} ms after the POST (count $before -> ${after:-?}) | - | - | <= 1 s |"
  } >"$OUT/results-p1.md"
  cat "$OUT/results-p1.md"
  [ "${BENCH_ONLY_P1P2:-}" = 1 ] || exit 0
fi
fi # BENCH_ONLY_P2

# ---- P2: rating writes against pgbench INSERTs, on one page and spread over 1,000 pages
log "P2: ratings"
# a warm-up as P1 has, on another page, so that the vote's path is compiled before it is measured
log "P2: warm-up (10 s on /$PAGE_TOPIC/$PAGE_SLUG)"
BENCH_RATING_SLUG=$PAGE_SLUG wrk -t2 -c50 -d10s -s "$BENCH_DIR/ratings.lua" "$BASE_URL" >"$OUT/p2-warmup.txt"

# one P2 run: wrk posting ratings to the pages whose ids are in $2 (an SQL list); sets P2_<name>_* figures
p2_run() {
  local name=$1 ids=$2 rows_before rows_after sent created other rows summary inflight
  rows_before=$(psql_val "select count(*) from rating where page_id in ($ids)")
  profile_start "p2-$name"
  wrk "${WRK_ARGS[@]}" -s "$BENCH_DIR/ratings.lua" "$BASE_URL" >"$OUT/p2-$name.txt"
  profile_stop "p2-$name"
  sleep 2 # requests still in flight when wrk stopped finish on the server
  read -r sent created other < <(sed -n 's/^BENCH sent=\([0-9]*\) created=\([0-9]*\) other=\([0-9]*\)$/\1 \2 \3/p' "$OUT/p2-$name.txt")
  rows_after=$(psql_val "select count(*) from rating where page_id in ($ids)")
  rows=$(( rows_after - rows_before ))
  summary=$(psql_val "select coalesce(sum(total), 0) from rating_tally where page_id in ($ids)")
  inflight=$(( sent - created - other ))
  # exact: no request failed, the pages' counts equal their rating rows, and the new rows are the
  # 201 answers plus at most the requests wrk cut off in flight when its time was up
  printf -v "P2_${name}_WPS" '%s' "$(awk -v n="$created" -v d="${DURATION%s}" 'BEGIN { printf "%.1f", n / d }')"
  printf -v "P2_${name}_EXACT" '%s' "$(awk -v r="$rows" -v c="$created" -v i="$inflight" -v o="$other" -v s="$summary" -v a="$rows_after" \
    'BEGIN { print (o == 0 && s == a && r >= c && r <= c + i) ? "yes" : "no" }')"
  printf -v "P2_${name}_TEXT" '%s' "$created in $DURATION; DB rows +$rows, counts $summary = rows $rows_after, $other failed, $inflight cut off in flight; p99 $(wrk_p99_ms "$OUT/p2-$name.txt") ms"
  local wps="P2_${name}_WPS" exact="P2_${name}_EXACT" text="P2_${name}_TEXT"
  log "P2 $name: ${!wps} ratings/s (${!text}); exact ${!exact}"
}
RATING_PAGE_ID=$(psql_val "select id from page where slug = '$RATING_SLUG'")
BENCH_RATING_SLUG=$RATING_SLUG p2_run one "$RATING_PAGE_ID"
# 1,000 readable pages (published, not overdue), each request to one of them at random
psql_val "select slug from page where slug like 'bench-page-%' and status = 'PUBLISHED'
          and effective_review_due > current_date + 30 order by id limit 1000" >"$OUT/p2-slugs.txt"
SPREAD_IDS=$(psql_val "select string_agg(id::text, ',') from page where slug in ($(sed "s/.*/'&'/" "$OUT/p2-slugs.txt" | paste -sd,))")
[ "$(wc -l <"$OUT/p2-slugs.txt")" = 1000 ] || die "fewer than 1,000 readable bench pages"
BENCH_RATING_SLUGS_FILE="$OUT/p2-slugs.txt" p2_run spread "$SPREAD_IDS"
P2_WPS=$P2_one_WPS; P2_EXACT=$P2_one_EXACT
p2_rows() {
  echo "| P2 rating writes, distinct readers, one page | $P2_one_WPS ratings/s ($P2_one_TEXT); exact: $P2_one_EXACT | pgbench single-row INSERT, 50 clients: $PG_TPS/s | $(ratio "$P2_one_WPS" "$PG_TPS") | >= 0.3x and exact | $(awk -v r="$(ratio "$P2_one_WPS" "$PG_TPS")" -v e="$P2_one_EXACT" 'BEGIN { print (r >= 0.3 && e == "yes") ? "yes" : "no" }') |"
  echo "| P2 rating writes, distinct readers, 1,000 pages | $P2_spread_WPS ratings/s ($P2_spread_TEXT); exact: $P2_spread_EXACT | pgbench: $PG_TPS/s | $(ratio "$P2_spread_WPS" "$PG_TPS") | >= 0.3x and exact | $(awk -v r="$(ratio "$P2_spread_WPS" "$PG_TPS")" -v e="$P2_spread_EXACT" 'BEGIN { print (r >= 0.3 && e == "yes") ? "yes" : "no" }') |"
}
if [ "${BENCH_ONLY_P1P2:-}" = 1 ] || [ "${BENCH_ONLY_P2:-}" = 1 ]; then
  stop_server
  p2_reference
  echo "Measured $(date -u +'%Y-%m-%d %H:%M UTC') on $(nproc) cores; wrk ${WRK_ARGS[*]}; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)." >"$OUT/results-p2.md"
  p2_rows >>"$OUT/results-p2.md"
  cat "$OUT/results-p2.md"
  exit 0
fi

fi # BENCH_ONLY_P3

# ---- P3: the review scan at two sizes
scan() {
  # a clean slate: no reminders, digests or withdrawals from earlier scans
  psql_db -c "delete from review_reminder;
              delete from notification where dedupe_key like 'review-digest:%' or dedupe_key like 'review-escalation:%';
              update page set status = 'PUBLISHED' where slug like 'bench-page-%' and status <> 'PUBLISHED';
              analyze page; analyze review_reminder;" >/dev/null
  local t0 t1
  t0=$(now_ms)
  curl -sf --max-time 600 -u "$ADMIN_USER:$ADMIN_PASSWORD" -X POST -H 'Accept: application/json' \
    "$BASE_URL/api/v1/reviews/scan" >"$OUT/scan-$1.json" || die "review scan at $1 pages"
  t1=$(now_ms)
  echo $(( t1 - t0 ))
}
log "P3: scan at $PAGES pages"
SCAN_SMALL_MS=$(scan "$PAGES")
log "P3: $SCAN_SMALL_MS ms: $(cat "$OUT/scan-$PAGES.json")"
log "P3: loading up to $LARGE_PAGES pages"
t0=$(now_ms)
psql_db -v first=$((PAGES + 1)) -v last="$LARGE_PAGES" -f "$BENCH_DIR/load-pages.sql"
log "P3: loaded in $(( $(now_ms) - t0 )) ms ($(psql_val 'select count(*) from page') pages)"
log "P3: scan at $LARGE_PAGES pages"
profile_start p3
SCAN_LARGE_MS=$(scan "$LARGE_PAGES")
profile_stop p3
log "P3: $SCAN_LARGE_MS ms: $(cat "$OUT/scan-$LARGE_PAGES.json")"
# the same pages due as at $PAGES pages (about 1,000), among $LARGE_PAGES: the scan's cost should follow them
psql_db -c "update page set next_review_due = current_date + 400, effective_review_due = current_date + 400
            where slug like 'bench-page-%' and id > 1000000000 + $PAGES" >/dev/null
log "P3: scan at $LARGE_PAGES pages, only the first $PAGES pages' due ones due"
SCAN_SPARSE_MS=$(scan "$LARGE_PAGES-sparse")
log "P3: $SCAN_SPARSE_MS ms: $(cat "$OUT/scan-$LARGE_PAGES-sparse.json")"
stop_server
if [ "${BENCH_ONLY_P3:-}" = 1 ]; then
  SPARSE_RATIO=$(ratio "$SCAN_SPARSE_MS" "$SCAN_SMALL_MS")
  echo "| P3 review scan | $SCAN_SMALL_MS ms at $PAGES pages \`$(cat "$OUT/scan-$PAGES.json")\`; $SCAN_LARGE_MS ms at $LARGE_PAGES pages (1% due) \`$(cat "$OUT/scan-$LARGE_PAGES.json")\`; $SCAN_SPARSE_MS ms at $LARGE_PAGES pages with the same pages due as at $PAGES \`$(cat "$OUT/scan-$LARGE_PAGES-sparse.json")\` (x$SPARSE_RATIO) |" | tee "$OUT/results-p3.md"
  exit 0
fi

# ---- P2 reference: pgbench single-row INSERTs on the same PostgreSQL server
p2_reference

# ---- P5: import of generated Markdown pages into an empty database
p5_import

# ---- P6: the soak, a bounded mixed load (soak.sh, on a fresh database)
log "P6: soak"
stop_server
BENCH_SOAK_FROM_RUN=1 "$BENCH_DIR/soak.sh" || log "P6: the soak did not complete; see $OUT/server-soak.log"
P6_ROW=$(cat "$OUT/soak/row.md" 2>/dev/null || echo "| P6 soak | did not complete | - | - | no 5xx, exact counts, RSS within 10% | no |")

# ---------------------------------------------------------------------------- the table
P1_RATIO=$(ratio "$P1_RPS" "$NG_RPS")
P1_MET=$(awk -v r="$P1_RATIO" -v p="$P1_P99" 'BEGIN { print (r >= 0.5 && p < 20) ? "yes" : "no" }')
VA_RATIO=$(ratio "$VA_RPS" "$NG_RPS")
VA_MET=$(awk -v r="$VA_RATIO" -v e="$VA_ERR" 'BEGIN { print (r >= 0.9 && e == 0) ? "yes" : "no" }')
VARNISH_FRESH_MET=$(awk -v f="${VARNISH_FRESH_MS:-999999}" -v h="$FRESH_HIT" -v w="$withdraw_status" 'BEGIN { print (f <= 1000 && h == "HIT" && w == 200) ? "yes" : "no" }')
FRESH_MET=$(awk -v f="${FRESH_MS:-999999}" 'BEGIN { print (f <= 1000) ? "yes" : "no" }')
SCAN_RATIO=$(ratio "$SCAN_LARGE_MS" "$SCAN_SMALL_MS")
# the 1% row has ten times the due pages at 1M as at 100k, so its ratio shows how the scan follows the
# work; the target is the time alone (the next row holds the due pages fixed and sets the ratio's target)
P3_MET=$(awk -v t="$SCAN_LARGE_MS" 'BEGIN { print (t <= 5000) ? "yes" : "no" }')
SPARSE_RATIO=$(ratio "$SCAN_SPARSE_MS" "$SCAN_SMALL_MS")
P3_SPARSE_MET=$(awk -v t="$SCAN_SPARSE_MS" -v r="$SPARSE_RATIO" 'BEGIN { print (t <= 2000 && r <= 1.5) ? "yes" : "no" }')
BOOT_S=$(awk -v m="$BOOT_MS" 'BEGIN { printf "%.1f", m / 1000 }')
P4_MET=$(awk -v b="$BOOT_MS" -v r="$RSS_MB" 'BEGIN { print (b <= 10000 && r <= 500) ? "yes" : "no" }')
IMPORT_S=$(awk -v m="$IMPORT_WALL_MS" 'BEGIN { printf "%.1f", m / 1000 }')
P5_MET=$(awk -v m="$IMPORT_WALL_MS" -v n="$IMPORTED" -v w="$IMPORT_PAGES" 'BEGIN { print (m < 30000 && n == w) ? "yes" : "no" }')
fmt_ms() { awk -v m="$1" 'BEGIN { printf "%.2f s", m / 1000 }'; }

{
  echo "Measured $(date -u +'%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(awk '/MemTotal/ {printf "%d GB", $2 / 1048576}' /proc/meminfo) RAM;" \
    "PostgreSQL $(psql -X -At -d postgres -c 'show server_version'); wrk ${WRK_ARGS[*]}; $PAGES pages loaded for P1, P2 and P4;" \
    "load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine counts)."
  echo
  echo "| row | figure | reference | ratio | target | met |"
  echo "|---|---|---|---|---|---|"
  echo "| P1 page view \`GET $PAGE_PATH\` ($PAGE_BYTES bytes) | $P1_RPS req/s, p99 $P1_P99 ms, $P1_ERR errors | nginx, same bytes: $NG_RPS req/s, p99 $NG_P99 ms | $P1_RATIO | >= 0.5x nginx req/s and p99 < 20 ms | $P1_MET |"
  echo "| P1 page view through Varnish (\`src/main/varnish/verity.vcl\`) | $VA_RPS req/s, p99 $VA_P99 ms, $VA_ERR errors | nginx, same bytes: $NG_RPS req/s, p99 $NG_P99 ms | $VA_RATIO | >= 0.9x nginx req/s | $VA_MET |"
  echo "| P1 withdrawal seen through Varnish | 410 ${VARNISH_FRESH_MS:->5000} ms after the editor's answer ($withdraw_status; the page was a cache $FRESH_HIT) | - | - | <= 1 s | $VARNISH_FRESH_MET |"
  echo "| P1 rating shows on the page | ${FRESH_MS:->5000} ms after the POST (count $before -> ${after:-?}) | - | - | <= 1 s | $FRESH_MET |"
  p2_rows
  echo "| P3 review scan | $(fmt_ms "$SCAN_SMALL_MS") at $PAGES pages, $(fmt_ms "$SCAN_LARGE_MS") at $LARGE_PAGES pages (1% due) | time at $PAGES | $SCAN_RATIO | <= 5 s at $LARGE_PAGES | $P3_MET |"
  echo "| P3 review scan, the same pages due among more | $(fmt_ms "$SCAN_SPARSE_MS") at $LARGE_PAGES pages, due as at $PAGES pages | time at $PAGES | $SPARSE_RATIO | <= 2 s, ratio <= 1.5 | $P3_SPARSE_MET |"
  echo "| P4 boot to first page, memory | ${BOOT_S} s to first 200 with $PAGES pages ($BOOT_PHASES); RSS $RSS_MB MB after P1 | - | - | <= 10 s, <= 500 MB | $P4_MET |"
  echo "| P5 import of $IMPORT_PAGES Markdown pages | ${IMPORT_S} s from start to the completion line (importer $IMPORT_MS ms; $IMPORTED pages) | - | - | < 30 s | $P5_MET |"
  echo "$P6_ROW"
  echo
  echo "Scan results: $PAGES pages \`$(cat "$OUT/scan-$PAGES.json")\`, $LARGE_PAGES pages \`$(cat "$OUT/scan-$LARGE_PAGES.json")\`, the same due among $LARGE_PAGES \`$(cat "$OUT/scan-$LARGE_PAGES-sparse.json")\`." \
    "First start on an empty database (schema, seed import): $(fmt_ms "$FIRST_BOOT_MS"); loading $PAGES pages with SQL: $(fmt_ms "$LOAD_MS")."
} >"$OUT/results.md"
echo
cat "$OUT/results.md"
