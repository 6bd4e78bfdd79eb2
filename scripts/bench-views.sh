#!/usr/bin/env bash
# make bench-views: PROPFIND Depth 1 latency (p50/p99) of the virtual folders on a synthetic index of BENCH_ITEMS
# (200,000) photos, against PROPFIND Depth 1 on a real 1,000-file folder under Originals/ served by the same daemon in
# the same run. Views tested: /Timeline/2019, a 1,000-item month (/Timeline/2019/2019-06), /Tags/Big (a random 10 %
# photo), /Search/ queries (one over the limit that splits, a flat 1,000-result month, a small ~100-result one), the /Duplicates root (BENCH_DUPS exact pairs + BENCH_DUPS displaced versions) and one group. Goal: every view as fast as the real folder or faster (ratio <= 1).
# Listings are cached per index generation (Views:ListingCacheSize); BENCH_NOCACHE=1 measures every request cold.
# Knobs (env): BENCH_ITEMS (200000), BENCH_DUPS (500), BENCH_NOCACHE, BENCH_RUNS (200), BENCH_PORT (18093), BENCH_DIR, BENCH_KEEP,
# BENCH_BIN (the daemon to run, default out/folderprism: an A/B compares two builds on the same machine in one window).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
ITEMS=${BENCH_ITEMS:-200000}
DUPS=${BENCH_DUPS:-500}
RUNS=${BENCH_RUNS:-200}
PORT=${BENCH_PORT:-18093}
BIN=${BENCH_BIN:-"$REPO/out/folderprism"}
[ -x "$BIN" ] || { echo "bench-views: $BIN missing; run 'make build' first" >&2; exit 1; }

need=()
for p in sqlite3 curl; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

WORK=${BENCH_DIR:-$(mktemp -d /tmp/fp-bench-views.XXXXXX)}
FP_PID=""
cleanup() {
  [ -n "$FP_PID" ] && kill "$FP_PID" 2>/dev/null && wait "$FP_PID" 2>/dev/null || true
  [ -z "${BENCH_KEEP:-}" ] && rm -rf "$WORK"
}
trap cleanup EXIT

REAL=1000
echo "== preparing $WORK: $REAL real files in Originals/real, $ITEMS synthetic indexed photos"
mkdir -p "$WORK/lib/Originals/real" "$WORK/data"
head -c 4096 /dev/urandom > "$WORK/seed"
( cd "$WORK/lib/Originals/real" && for i in $(seq -f '%04g' 1 "$REAL"); do cp "$WORK/seed" "IMG_$i.jpg"; done
  touch -d '2020-01-01 00:00:00 UTC' ./*.jpg )

USER_NAME=bench
PASS=bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$PASS" | "$BIN" users add "$USER_NAME" --role editor --password-stdin --library "$WORK/lib" --data "$WORK/data" >/dev/null
DB="$WORK/data/folderprism.db"
sqlite3 "$DB" < <(bash "$REPO/scripts/bench/view-items.sh" "$ITEMS" 1000 "$REAL" 4096 "$DUPS")
# The synthetic perceptual hashes are random (no near duplicates among them): drop the near-duplicate queue the
# MediaItems triggers filled, so the daemon's one-time matching of 200,000 items does not run during the measurements.
sqlite3 "$DB" "DELETE FROM NearDuplicatePending;"
mkdir -p "$WORK/lib/.duplicates/bench/held"
sqlite3 "$DB" "SELECT HoldingPath FROM DisplacedVersions;" | while read -r held; do head -c 1000 "$WORK/seed" > "$WORK/lib/.duplicates/$held"; done
echo "   rows: $(sqlite3 "$DB" 'SELECT COUNT(*) FROM MediaItems;') items, $(sqlite3 "$DB" 'SELECT COUNT(*) FROM ItemTags;') tag links,\
 $(sqlite3 "$DB" 'SELECT COUNT(*) FROM DisplacedVersions;') displaced versions"

# The synthetic rows have no files: keep the reconcile from marking them missing during the run.
echo "== starting FolderPrism on 127.0.0.1:$PORT"
CACHE=()
[ -n "${BENCH_NOCACHE:-}" ] && CACHE=(env FOLDERPRISM__Views__ListingCacheSize=0)
"${CACHE[@]}" env FOLDERPRISM__Indexing__StartupReconcileDelay=30.00:00:00 FOLDERPRISM__Indexing__ReconcileInterval=00:00:00 \
  "$BIN" serve --library "$WORK/lib" --data "$WORK/data" --urls "http://127.0.0.1:$PORT" > "$WORK/fp.log" 2>&1 &
FP_PID=$!
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "FolderPrism did not start"; cat "$WORK/fp.log"; exit 1; }

PROPBODY='<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><displayname/><getlastmodified/><getcontentlength/><resourcetype/><getetag/></prop></propfind>'
propfind_once() { # url -> seconds (fails on a non-207)
  curl -s -o "$WORK/pf.out" -w '%{http_code} %{time_total}\n' -X PROPFIND -H 'Depth: 1' -H 'Content-Type: application/xml' \
    -u "$USER_NAME:$PASS" --data-binary "$PROPBODY" "$1" | awk '$1 != 207 { print "HTTP " $1 > "/dev/stderr"; exit 1 } { print $2 }'
}
pct() { sort -g | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; if (i>NR) i=NR; printf "%.1f", a[i]*1000}'; }
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$FP_PID/stat"; } # the daemon's user + system CPU so far
measure() { # url -> "p50 p99 entries cpu-ms-per-request"
  local url=$1 i
  propfind_once "$url" >/dev/null; propfind_once "$url" >/dev/null
  local entries; entries=$(grep -o '<[A-Za-z0-9]*:\?response[ >]' "$WORK/pf.out" | wc -l)
  : > "$WORK/lat"
  local before; before=$(cpu_ticks)
  for i in $(seq 1 "$RUNS"); do propfind_once "$url" >> "$WORK/lat"; done
  local cpu; cpu=$(awk -v a="$before" -v b="$(cpu_ticks)" -v t="$TICK" -v n="$RUNS" 'BEGIN { printf "%.2f", (b - a) * 1000 / t / n }')
  echo "$(pct 50 < "$WORK/lat") $(pct 99 < "$WORK/lat") $entries $cpu"
}

B="http://127.0.0.1:$PORT"
declare -A P50 P99 N CPU
propfind_once "$B/Duplicates/" >/dev/null
GROUP=$(grep -o '<[A-Za-z0-9]*:\?href>[^<]*</[A-Za-z0-9]*:\?href>' "$WORK/pf.out" | sed -e 's/<[^>]*>//g' | grep -v '^/Duplicates/$' | sed -n 1p)
names=(real timeline-year month big-tag search search-month search-small dups group)
urls=("$B/Originals/real/" "$B/Timeline/2019/" "$B/Timeline/2019/2019-06/" "$B/Tags/Big/" "$B/Search/tag%3Abig%20year%3A2019/"
  "$B/Search/month%3A2019-06/" "$B/Search/tag%3Abig%20month%3A2019-06/"
  "$B/Duplicates/" "$B$GROUP")
labels=("Originals/real (1,000 real files)" "Timeline/2019" "Timeline/2019/2019-06" "Tags/Big (10% of the photos)" "Search/tag:big year:2019 (splits)"
  "Search/month:2019-06 (flat)" "Search/tag:big month:2019-06 (small)"
  "Duplicates ($((DUPS * 2)) groups)" "Duplicates/<one group>")
echo "== PROPFIND Depth 1, $RUNS runs each (after 2 warm-up requests), interleaved rounds"
for round in 1 2; do
  for k in "${!names[@]}"; do
    read -r p50 p99 n cpu <<<"$(RUNS=$((RUNS / 2)) measure "${urls[$k]}")"
    P50[${names[$k]}]="${P50[${names[$k]}]:-} $p50"; P99[${names[$k]}]="${P99[${names[$k]}]:-} $p99"; N[${names[$k]}]=$n
    CPU[${names[$k]}]="${CPU[${names[$k]}]:-} $cpu"
  done
done
avg() { awk '{s=0; for (i=1;i<=NF;i++) s+=$i; printf "%.1f", s/NF}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
avg2() { awk '{s=0; for (i=1;i<=NF;i++) s+=$i; printf "%.2f", s/NF}'; }
rp50=$(avg <<<"${P50[real]}"); rp99=$(avg <<<"${P99[real]}"); rcpu=$(avg2 <<<"${CPU[real]}")
echo
printf '%-36s %8s %9s %9s %10s %10s %9s %9s\n' "PROPFIND Depth 1" "entries" "p50 (ms)" "p99 (ms)" "p50 ratio" "p99 ratio" "cpu (ms)" "cpu ratio"
for k in "${!names[@]}"; do
  key=${names[$k]}; p50=$(avg <<<"${P50[$key]}"); p99=$(avg <<<"${P99[$key]}"); cpu=$(avg2 <<<"${CPU[$key]}")
  printf '%-36s %8s %9s %9s %10s %10s %9s %9s\n' "${labels[$k]}" "${N[$key]}" "$p50" "$p99" "$(ratio "$p50" "$rp50")" "$(ratio "$p99" "$rp99")" \
    "$cpu" "$(ratio "$cpu" "$rcpu")"
done
echo "(ratio = view / real folder; goal <= 1.00. entries include the folder itself. p50/p99 averaged over 2 interleaved rounds of $((RUNS / 2)).)"
echo "(cpu = the daemon's CPU time (user + system, all its threads, in ${TICK} Hz ticks) per request: less sensitive to other load than latency.)"
echo "load: $(uptime)"
rss=$(awk '/VmHWM/ {print $2}' "/proc/$FP_PID/status"); echo "FolderPrism peak RSS: $((rss / 1024)) MB"
