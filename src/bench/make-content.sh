#!/usr/bin/env bash
# Writes a content folder of N generated pages in the content format (README "## Content"):
#   make-content.sh <target-folder> <pages>
# topics.yaml is the bundled one; each page has its own front matter and the body of a seed page,
# after an opening paragraph of its own (real pages differ, and an import may not render one body
# once for all of them).
set -euo pipefail
out=$1
count=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out"
mkdir -p "$out/pages"
cp "$root/content/topics.yaml" "$out/topics.yaml"
topics=$(awk '/^- slug:/ {print $3}' "$out/topics.yaml" | tr '\n' ' ')
for t in $topics; do mkdir -p "$out/pages/$t"; done
body=$(awk 'BEGIN {fm = 0} /^---$/ {fm++; next} fm >= 2 {print}' "$root/content/pages/exercise/exercises-for-lower-back-pain.md")
BODY="$body" awk -v out="$out" -v count="$count" -v topics="$topics" '
BEGIN {
  n = split(topics, t, " ")
  body = ENVIRON["BODY"]
  for (i = 1; i <= count; i++) {
    topic = t[1 + i % n]
    file = out "/pages/" topic "/generated-page-" i ".md"
    due = sprintf("2029-%02d-%02d", 1 + i % 12, 1 + i % 28)
    printf "---\ntitle: Generated page %d\nsummary: A generated page for the import benchmark, number %d.\n", i, i > file
    printf "owner: physiotherapy-team\nlastReviewed: 2026-01-%02d\nnextReviewDue: %s\n", 1 + i % 28, due > file
    printf "reviewedBy:\n  name: Anjali Mehta\n  profession: Physiotherapist\ncomments: POSTMODERATED\n" > file
    printf "evidence:\n  - title: Low back pain and sciatica in over 16s\n    url: https://www.nice.org.uk/guidance/ng59\n" > file
    printf "    publisher: National Institute for Health and Care Excellence\n    accessed: 2026-01-01\n---\n" > file
    printf "This is generated page %d of %d, for the import benchmark.\n\n%s\n", i, count, body > file
    close(file)
  }
}'
