#!/usr/bin/env bash
# P6 soak: a bounded mixed load on one server on PostgreSQL for BENCH_SOAK_SECONDS (600): readers'
# page views, readers' votes, comments through the page's form, an editor saving a page, and the
# review scan (which writes the reminder digests) every two minutes. Passes when no answer was a
# 5xx, every vote and comment answered as taken is in the database (the tally equal to the rows),
# every save answered 200 is a revision, and the server's resident memory at the end is within 10%
# of its memory after the warm-up. Run on its own, or as the last row of run.sh.
#
# Settings: those of run.sh (lib.sh), and BENCH_SOAK_SECONDS (600), BENCH_SOAK_WARMUP (60).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

SOAK_SECONDS=${BENCH_SOAK_SECONDS:-600}
WARMUP_SECONDS=${BENCH_SOAK_WARMUP:-60}
COMMENT_PATH=/exercise/staying-active-with-back-pain
COMMENT_SLUG=${COMMENT_PATH##*/}
EDITOR_USER=soakeditor
EDITOR_PASSWORD="soak-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
SOAK="$OUT/soak"

rss_mb() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$SERVER_PID/status"; }
count_5xx() { grep -c '^5' "$1" 2>/dev/null || true; }

mkdir -p "$OUT" "$SOAK"
rm -f "$SOAK"/*
if [ "${BENCH_SOAK_FROM_RUN:-0}" != 1 ]; then
  install_tools
  build
fi
log "P6 soak: fresh database $DB"
fresh_database
prepare_base "$OUT/base-soak"
start_server "$OUT/base-soak" server-soak
wait_for_200 "$BASE_URL$PAGE_PATH" 180 >/dev/null

curl -sf -o /dev/null -u "$ADMIN_USER:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d "{\"username\":\"$EDITOR_USER\",\"displayName\":\"Soak editor\",\"roles\":[\"EDITOR\"],\"password\":\"$EDITOR_PASSWORD\"}" \
  "$BASE_URL/api/v1/accounts" || die "creating the editor"
EDIT_SLUG=soak-draft
curl -sf -o /dev/null -u "$EDITOR_USER:$EDITOR_PASSWORD" -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d "{\"slug\":\"$EDIT_SLUG\",\"topic\":\"exercise\",\"title\":\"Soak draft\",\"summary\":\"Saved again and again.\",\"body\":\"Version 0.\\n\\n## When to get help\\n\\nCall 111.\\n\",\"tier\":\"STANDARD\",\"owner\":\"physiotherapy-team\",\"comments\":\"CLOSED\",\"changeNote\":\"\"}" \
  "$BASE_URL/api/v1/editorial/pages" || die "creating the draft"

page_id() { psql_val "select id from page where slug = '$1'"; }
RATING_ID=$(page_id "$RATING_SLUG"); COMMENT_ID=$(page_id "$COMMENT_SLUG"); EDIT_ID=$(page_id "$EDIT_SLUG")
ratings_rows() { psql_val "select count(*) from rating where page_id = $RATING_ID"; }
tally_total() { psql_val "select coalesce(sum(total), 0) from rating_tally where page_id = $RATING_ID"; }
comment_rows() { psql_val "select count(*) from reader_comment where page_id = $COMMENT_ID"; }
revision_rows() { psql_val "select count(*) from page_revision where page_id = $EDIT_ID"; }

log "P6 soak: warm-up ${WARMUP_SECONDS}s"
wrk -t1 -c8 -d"${WARMUP_SECONDS}s" "$BASE_URL$PAGE_PATH" >/dev/null &
WARM_PID=$!
BENCH_RATING_SLUG=$PAGE_SLUG wrk -t1 -c4 -d"${WARMUP_SECONDS}s" -s "$BENCH_DIR/ratings.lua" "$BASE_URL" >/dev/null
wait "$WARM_PID"
RSS_WARM=$(rss_mb)
ROWS_BEFORE=$(ratings_rows); COMMENTS_BEFORE=$(comment_rows); REVISIONS_BEFORE=$(revision_rows)
log "P6 soak: RSS after warm-up $RSS_WARM MB; ${SOAK_SECONDS}s of mixed load"

END=$(( $(date +%s) + SOAK_SECONDS ))
# readers: page views over several pages, and votes from new readers
wrk -t1 -c12 -d"${SOAK_SECONDS}s" --latency -s "$BENCH_DIR/views.lua" "$BASE_URL" >"$SOAK/views.txt" &
VIEWS_PID=$!
BENCH_RATING_SLUG=$RATING_SLUG wrk -t1 -c4 -d"${SOAK_SECONDS}s" -s "$BENCH_DIR/ratings.lua" "$BASE_URL" >"$SOAK/votes.txt" &
VOTES_PID=$!
# comments: the form page as a reader gets it, sent a few seconds later, each with its own text
(
  n=0
  while [ "$(date +%s)" -lt "$END" ]; do
    n=$((n + 1))
    form=$(curl -s "$BASE_URL$COMMENT_PATH/comment")
    shown=$(grep -o 'name="shown" value="[^"]*"' <<<"$form" | head -1 | sed 's/.*value="//; s/"$//')
    sleep 3.2 # the comment form refuses a post sooner than a person could write one
    curl -s -o /dev/null -w '%{http_code}\n' \
      --data-urlencode "shown=$shown" --data-urlencode "website=" \
      --data-urlencode "name=Reader $n" --data-urlencode "body=Soak comment number $n: walking every day has helped me." \
      "$BASE_URL$COMMENT_PATH/comments" >>"$SOAK/comments.codes"
  done
) &
COMMENTS_PID=$!
# an editor saving the draft once a second, each time with the version they read
(
  n=0
  while [ "$(date +%s)" -lt "$END" ]; do
    n=$((n + 1))
    version=$(curl -s -u "$EDITOR_USER:$EDITOR_PASSWORD" -H 'Accept: application/json' \
      "$BASE_URL/api/v1/editorial/pages/$EDIT_SLUG" | grep -o '"version":[0-9]*' | head -1 | cut -d: -f2)
    curl -s -o /dev/null -w '%{http_code}\n' -X PUT -u "$EDITOR_USER:$EDITOR_PASSWORD" \
      -H 'Content-Type: application/json' -H 'Accept: application/json' \
      -d "{\"version\":${version:-0},\"slug\":\"$EDIT_SLUG\",\"topic\":\"exercise\",\"title\":\"Soak draft\",\"summary\":\"Saved again and again.\",\"body\":\"Version $n.\\n\\n## When to get help\\n\\nCall 111.\\n\",\"tier\":\"STANDARD\",\"owner\":\"physiotherapy-team\",\"comments\":\"CLOSED\",\"changeNote\":\"Save $n\"}" \
      "$BASE_URL/api/v1/editorial/pages/$EDIT_SLUG" >>"$SOAK/saves.codes"
    sleep 1
  done
) &
SAVES_PID=$!
# the review scan (reminders and their digests) every two minutes
(
  while [ "$(date +%s)" -lt "$END" ]; do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 300 -u "$ADMIN_USER:$ADMIN_PASSWORD" -X POST \
      -H 'Accept: application/json' "$BASE_URL/api/v1/reviews/scan" >>"$SOAK/scans.codes"
    sleep 120 &
    wait $! || true
    [ "$(date +%s)" -lt "$END" ] || break
  done
) &
SCANS_PID=$!
wait "$VIEWS_PID" "$VOTES_PID" "$COMMENTS_PID" "$SAVES_PID"
kill "$SCANS_PID" 2>/dev/null || true
wait "$SCANS_PID" 2>/dev/null || true
sleep 2 # requests in flight when wrk stopped finish on the server
RSS_END=$(rss_mb)

read -r V_SENT V_CREATED V_OTHER < <(sed -n 's/^BENCH sent=\([0-9]*\) created=\([0-9]*\) other=\([0-9]*\)$/\1 \2 \3/p' "$SOAK/votes.txt")
V_ROWS=$(( $(ratings_rows) - ROWS_BEFORE )); V_INFLIGHT=$(( V_SENT - V_CREATED - V_OTHER ))
TALLY=$(tally_total); ROWS_ALL=$(ratings_rows)
VIEWS_RPS=$(wrk_rps "$SOAK/views.txt"); VIEWS_P99=$(wrk_p99_ms "$SOAK/views.txt"); VIEWS_ERR=$(wrk_errors "$SOAK/views.txt")
C_TAKEN=$(grep -c '^303$' "$SOAK/comments.codes" || true); C_ALL=$(wc -l <"$SOAK/comments.codes")
C_ROWS=$(( $(comment_rows) - COMMENTS_BEFORE ))
S_OK=$(grep -c '^200$' "$SOAK/saves.codes" || true); S_ALL=$(wc -l <"$SOAK/saves.codes")
S_REVISIONS=$(( $(revision_rows) - REVISIONS_BEFORE ))
SCANS_OK=$(grep -c '^200$' "$SOAK/scans.codes" || true); SCANS_ALL=$(wc -l <"$SOAK/scans.codes")
FIVE_XX=$(( $(count_5xx "$SOAK/comments.codes") + $(count_5xx "$SOAK/saves.codes") + $(count_5xx "$SOAK/scans.codes")
  + VIEWS_ERR + V_OTHER ))
RSS_CHANGE=$(awk -v a="$RSS_WARM" -v b="$RSS_END" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }')
EXACT=$(awk -v r="$V_ROWS" -v c="$V_CREATED" -v i="$V_INFLIGHT" -v t="$TALLY" -v a="$ROWS_ALL" -v ct="$C_TAKEN" -v cr="$C_ROWS" \
  -v so="$S_OK" -v sr="$S_REVISIONS" 'BEGIN { print (r >= c && r <= c + i && t == a && ct == cr && so == sr) ? "yes" : "no" }')
P6_MET=$(awk -v f="$FIVE_XX" -v e="$EXACT" -v c="$RSS_CHANGE" 'BEGIN { print (f == 0 && e == "yes" && c <= 10) ? "yes" : "no" }')
P6_ROW="| P6 soak, ${SOAK_SECONDS} s mixed load | views $VIEWS_RPS req/s (p99 $VIEWS_P99 ms, $VIEWS_ERR not 2xx); votes $V_CREATED taken, rows +$V_ROWS ($V_INFLIGHT cut off in flight), tally $TALLY = rows $ROWS_ALL; comments $C_TAKEN of $C_ALL taken, rows +$C_ROWS; saves $S_OK of $S_ALL, revisions +$S_REVISIONS; scans $SCANS_OK of $SCANS_ALL; RSS $RSS_WARM -> $RSS_END MB ($RSS_CHANGE%) | - | - | no 5xx, exact counts, RSS within 10% | $P6_MET |"
log "P6 soak: 5xx or failed answers $FIVE_XX, exact $EXACT, RSS $RSS_WARM -> $RSS_END MB ($RSS_CHANGE%)"
echo "$P6_ROW" >"$SOAK/row.md"
echo "$P6_ROW"
stop_server
