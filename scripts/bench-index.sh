#!/usr/bin/env bash
# make bench-index: index 2,000 generated 12-megapixel JPEGs (metadata + hash + both thumbnails + perceptual hash)
# and, in the same run, a baseline of `vipsthumbnail` (both sizes) plus `exiftool -json` over the same files.
# Then `serve` starts (BENCH_STARTS, 3) on an index of 100,000 synthetic items, each timed until /healthz answers.
# Both `folderprism index` and `serve` run with the Environment= lines of systemd/folderprism.service (GC, malloc).
# Knobs (env): BENCH_PHOTOS (2000), BENCH_ITEMS (100000), BENCH_STARTS (3), BENCH_DIR, BENCH_CACHE (/tmp/folderprism-bench-cache),
# BENCH_REGEN=1 (regenerate the cached photos), BENCH_GENERATE_ONLY=1 (just fill the cache), BENCH_KEEP=1 (keep the work dir).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
PHOTOS=${BENCH_PHOTOS:-2000}
ITEMS=${BENCH_ITEMS:-100000}
STARTS=${BENCH_STARTS:-3}
PORT=${BENCH_FP_PORT:-18093}
BIN="$REPO/out/folderprism"
[ -x "$BIN" ] || [ -n "${BENCH_GENERATE_ONLY:-}" ] || { echo "bench-index: $BIN missing; run 'make build' first" >&2; exit 1; }

need=()
for p in ffmpeg libimage-exiftool-perl libvips-tools sqlite3 time curl; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

WORK=${BENCH_DIR:-$(mktemp -d /tmp/fp-bench-index.XXXXXX)}
FP_PID=""
cleanup() {
  [ -n "$FP_PID" ] && kill "$FP_PID" 2>/dev/null && wait "$FP_PID" 2>/dev/null || true
  if [ -z "${BENCH_KEEP:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

# The photos are generated once per count into a cache (generating 2,000 12-MP JPEGs takes minutes) and hard-linked
# into each run's library; nothing in the benchmark writes to them. BENCH_CACHE moves the cache, BENCH_REGEN=1 rebuilds.
CACHE_ROOT=${BENCH_CACHE:-/tmp/folderprism-bench-cache}
SRC="$CACHE_ROOT/index-photos-$PHOTOS"
if [ -n "${BENCH_REGEN:-}" ] || [ ! -f "$SRC/.complete" ]; then
  echo "== generating $PHOTOS 12-MP JPEGs into $SRC (40 noisy frames; every file its own EXIF date, camera and ISO)"
  rm -rf "$SRC" && mkdir -p "$SRC/.base"
  FRAMES=$(( PHOTOS < 40 ? PHOTOS : 40 ))
  ffmpeg -loglevel error -f lavfi -i testsrc2=size=4000x3000:rate=1 -vf "noise=alls=12:allf=t+u" \
    -frames:v "$FRAMES" -q:v 2 "$SRC/.base/base_%02d.jpg"
  # One exiftool per core reads a frame and writes the copy with its own tags (-o: one read, one write per file), so
  # every file differs in bytes (content hash) and the frames differ in pixels (perceptual hash).
  JOBS=$(nproc)
  for j in $(seq 0 $(( JOBS - 1 ))); do : > "$SRC/.base/args.$j"; done
  for i in $(seq 1 "$PHOTOS"); do
    b=$(( (i - 1) % FRAMES + 1 ))
    d=$(( i % 28 + 1 )); h=$(( i % 24 )); m=$(( i % 60 ))
    printf -- '-Make=BenchCam\n-Model=Model %d\n-DateTimeOriginal=2019:%02d:%02d %02d:%02d:00\n-OffsetTimeOriginal=+02:00\n-ISO=%d\n-o\n%s/IMG_%05d.jpg\n%s/.base/base_%02d.jpg\n-execute\n' \
      "$b" $(( i % 12 + 1 )) "$d" "$h" "$m" $(( 100 + i )) "$SRC" "$i" "$SRC" "$b" >> "$SRC/.base/args.$(( i % JOBS ))"
  done
  for j in $(seq 0 $(( JOBS - 1 ))); do nice -n 5 exiftool -q -q -@ "$SRC/.base/args.$j" >/dev/null & done
  wait
  rm -rf "$SRC/.base"
  [ "$(find "$SRC" -maxdepth 1 -name 'IMG_*.jpg' | wc -l)" -eq "$PHOTOS" ] || { echo "generation incomplete" >&2; exit 1; }
  touch "$SRC/.complete"
fi
BYTES=$(du -sb "$SRC" | cut -f1)
echo "== $PHOTOS photos ($((BYTES / 1048576)) MiB) from $SRC"
[ -n "${BENCH_GENERATE_ONLY:-}" ] && exit 0
# Both runs read the files from the page cache, not the disk: warm it once.
cat "$SRC"/IMG_*.jpg > /dev/null

now() { date +%s.%N; }
# The shipped unit's environment (DOTNET_GCgen0size only works as an environment variable), as bench-dav.sh does.
mapfile -t UNIT_ENV < <(sed -n 's/^Environment=//p' "$REPO/systemd/folderprism.service")
echo "== environment from systemd/folderprism.service: ${UNIT_ENV[*]}"

echo "== baseline: vipsthumbnail 1440 + vipsthumbnail 256 + exiftool -json"
mkdir -p "$WORK/vips"
LOAD_BASE=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$(now)
/usr/bin/time -f '%U %S' -o "$WORK/base-time.txt" bash -c '
  cd "$1" && vipsthumbnail -s 1440 ./*.jpg -o "$2/%s-1440.jpg" && vipsthumbnail -s 256 ./*.jpg -o "$2/%s-256.jpg" &&
  exiftool -q -json "$1" > "$3"' _ "$SRC" "$WORK/vips" "$WORK/exiftool.json"
t1=$(now)
BASE_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')

echo "== FolderPrism: folderprism index (metadata + hash + both thumbnails + perceptual hash)"
LIB="$WORK/lib"
mkdir -p "$LIB/Originals"
cp -al "$SRC" "$LIB/Originals/2019" 2>/dev/null || cp -a "$SRC" "$LIB/Originals/2019"
rm -f "$LIB/Originals/2019/.complete"
LOAD_FP=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$(now)
/usr/bin/time -v -o "$WORK/time.txt" env "${UNIT_ENV[@]}" "$BIN" index --library "$LIB" --data "$WORK/data" > "$WORK/index.log" 2>&1 \
  || { echo "index failed:"; tail -20 "$WORK/index.log"; exit 1; }
t1=$(now)
FP_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
FP_RSS=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$WORK/time.txt")
FP_CPU=$(awk -F: '/User time|System time/ {s += $2} END {printf "%.0f", s}' "$WORK/time.txt")
BASE_CPU=$(awk '{printf "%.0f", $1 + $2}' "$WORK/base-time.txt")
THUMBS=$(find "$WORK/data" -type f \( -name '*.jpg' -o -name '*.webp' \) -path '*thumb*' | wc -l)

echo "== $STARTS starts of serve on an index of $ITEMS items (synthetic rows)"
DB="$WORK/data/folderprism.db"
sqlite3 "$DB" < <(bash "$REPO/scripts/bench/synthetic-items.sh" "$ITEMS")
COUNT=$(sqlite3 "$DB" "SELECT COUNT(*) FROM MediaItems;")
# Start 0 is the first start on this index (it creates the admin user: PBKDF2 plus EF Core's first write) and is
# not timed; starts 1..N are the ones the goal is about: a daemon restarting on an existing index.
: > "$WORK/ready.txt"
for n in $(seq 0 "$STARTS"); do
  t0=$(now)
  env "${UNIT_ENV[@]}" "$BIN" serve --library "$LIB" --data "$WORK/data" --urls "http://127.0.0.1:$PORT" > "$WORK/serve-$n.log" 2>&1 &
  FP_PID=$!
  ready=""
  for _ in $(seq 1 3000); do
    if curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then ready=$(now); break; fi
    sleep 0.01
  done
  [ -n "$ready" ] || { echo "serve did not become ready"; tail -20 "$WORK/serve-$n.log"; exit 1; }
  # CPU the process used until ready (fields 14/15 of /proc/PID/stat): comparable even on a busy machine.
  cpu=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / t}' "/proc/$FP_PID/stat")
  line="$(awk -v a="$t0" -v b="$ready" 'BEGIN{printf "%.3f", b-a}') $cpu"
  [ "$n" -eq 0 ] || echo "$line" >> "$WORK/ready.txt"
  # Stopped before the start-up reconcile (3 s after ready) would mark the synthetic rows (no files) missing.
  kill "$FP_PID" && wait "$FP_PID" 2>/dev/null || true
  FP_PID=""
  echo "   start $n$([ "$n" -eq 0 ] && echo ' (first, untimed)'): ready in ${line% *} s, CPU ${line#* } s"
done
stats() { sort -g | awk '{a[NR]=$1} END {printf "%.2f/%.2f/%.2f", a[1], (NR%2==1) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2, a[NR]}'; }
READY_S=$(cut -d' ' -f1 "$WORK/ready.txt" | stats)
READY_CPU=$(cut -d' ' -f2 "$WORK/ready.txt" | stats)

echo
printf '%-52s %12s %12s %8s %s\n' "measure" "FolderPrism" "baseline" "ratio" "goal"
FP_RATE=$(awk -v n="$PHOTOS" -v s="$FP_S" 'BEGIN{printf "%.2f", n/s}')
BASE_RATE=$(awk -v n="$PHOTOS" -v s="$BASE_S" 'BEGIN{printf "%.2f", n/s}')
printf '%-52s %12s %12s %8s %s\n' "photos/s ($PHOTOS x 12 MP)" "$FP_RATE" "$BASE_RATE" \
  "$(awk -v a="$FP_RATE" -v b="$BASE_RATE" 'BEGIN{printf "%.2f", a/b}')" ">= 1.0"
printf '%-52s %12s %12s\n' "wall time (s)" "$(printf '%.1f' "$FP_S")" "$(printf '%.1f' "$BASE_S")"
printf '%-52s %12s %12s\n' "CPU time, user+sys (s)" "$FP_CPU" "$BASE_CPU"
printf '%-52s %12s %12s\n' "load average (1/5/15 min) at start" "${LOAD_FP// //}" "${LOAD_BASE// //}"
printf '%-52s %12s %12s %8s %s\n' "peak RSS of 'folderprism index' (MB)" "$((FP_RSS / 1024))" "" "" "< 300"
printf '%-52s %12s\n' "thumbnail files written" "$THUMBS"
printf '%-52s %15s %9s %8s %s\n' "serve ready on $COUNT items, min/median/max (s)" "$READY_S" "" "" "< 2"
printf '%-52s %15s\n' "  CPU time of serve until ready, min/median/max (s)" "$READY_CPU"
printf '%-52s %s\n' "load average at the end" "$(cut -d' ' -f1-3 /proc/loadavg)"
