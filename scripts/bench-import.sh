#!/usr/bin/env bash
# make bench-import: import 2,000 generated camera JPEGs with `folderprism import` in copy mode and in --move mode,
# and in the same run copy the same tree with plain `cp -r`; prints files/s, MB/s and the ratio to cp -r.
# Import does more than cp: content hash, EXIF/sidecar date, a reduced pixel decode (truncation check + perceptual
# hash), exact/near-duplicate checks, journaled verified copy, index rows. Thumbnails are left to the daemon.
# The generated input set is cached (BENCH_CACHE) and reused by later runs with the same BENCH_FILES/BENCH_SIZE.
# Knobs (env): BENCH_FILES (2000), BENCH_SIZE (2000x1500), BENCH_CACHE (~/.cache/folderprism/bench-import),
#              BENCH_DIR (work dir), BENCH_KEEP (keep the work dir).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
FILES=${BENCH_FILES:-2000}
SIZE=${BENCH_SIZE:-2000x1500}
BIN=${BENCH_BIN:-"$REPO/out/folderprism"}
[ -x "$BIN" ] || { echo "bench-import: $BIN missing; run 'make build' first" >&2; exit 1; }
for t in ffmpeg exiftool; do command -v "$t" >/dev/null || { echo "bench-import: $t missing (scripts/install-test-deps.sh)" >&2; exit 1; }; done

CACHE=${BENCH_CACHE:-"${XDG_CACHE_HOME:-$HOME/.cache}/folderprism/bench-import"}/v1-$FILES-$SIZE
WORK=${BENCH_DIR:-$(mktemp -d /tmp/fp-bench-import.XXXXXX)}
cleanup() { [ -z "${BENCH_KEEP:-}" ] && rm -rf "$WORK"; }
trap cleanup EXIT

if [ -f "$CACHE/.complete" ]; then
  echo "== reusing the cached input set $CACHE"
else
  echo "== generating $FILES JPEGs ($SIZE) in $CACHE (20 frames, each copy with its own EXIF date, 10 camera folders)"
  rm -rf "$CACHE"
  mkdir -p "$CACHE/src" "$CACHE/base"
  ffmpeg -loglevel error -f lavfi -i "testsrc2=size=$SIZE:rate=1" -vf "noise=alls=12:allf=t+u" -frames:v 20 -q:v 3 \
    "$CACHE/base/base_%02d.jpg"
  ARGS="$CACHE/exif.args"
  : > "$ARGS"
  for i in $(seq 1 "$FILES"); do
    b=$(( (i - 1) % 20 + 1 ))
    dir="$CACHE/src/card$(( i % 10 ))/DCIM"
    mkdir -p "$dir"
    f=$(printf '%s/IMG_%05d.JPG' "$dir" "$i")
    cp "$CACHE/base/$(printf 'base_%02d.jpg' "$b")" "$f"
    # One day apart each: identical frames on different days are different photos, not near-duplicates.
    d=$(date -u -d "2015-01-01 + $i days" '+%Y:%m:%d')
    printf -- '-overwrite_original\n-Make=BenchCam\n-Model=Model %d\n-DateTimeOriginal=%s 10:00:00\n-OffsetTimeOriginal=+01:00\n%s\n-execute\n' \
      "$b" "$d" "$f" >> "$ARGS"
  done
  exiftool -q -@ "$ARGS" >/dev/null
  rm -rf "$CACHE/base" "$ARGS"
  touch "$CACHE/.complete"
fi

SRC="$WORK/src"
cp -r "$CACHE/src" "$SRC"
BYTES=$(du -sb "$SRC" | cut -f1)
MB=$(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1e6}')
echo "   $FILES files, $MB MB, $(nproc) CPUs; work dir $WORK"

now() { date +%s.%N; }
sync

echo "== baseline: cp -r (+ sync)"
t0=$(now); cp -r "$SRC" "$WORK/cp-copy"; sync; t1=$(now)
CP_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
rm -rf "$WORK/cp-copy"
LOAD_CP=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== folderprism import (copy, + sync)"
t0=$(now)
"$BIN" import "$SRC" --library "$WORK/lib-copy" --data "$WORK/data-copy" --report "$WORK/copy.jsonl" >/dev/null
sync; t1=$(now)
COPY_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
LOAD_COPY=$(cut -d' ' -f1-3 /proc/loadavg)
IMPORTED=$(grep -c '"outcome":"imported"' "$WORK/copy.jsonl" || true)
[ "$IMPORTED" -eq "$FILES" ] || { echo "bench-import: copy imported $IMPORTED of $FILES" >&2; exit 1; }

echo "== folderprism import --move (+ sync)"
cp -r "$SRC" "$WORK/src-move"; sync
t0=$(now)
"$BIN" import "$WORK/src-move" --move --library "$WORK/lib-move" --data "$WORK/data-move" --report "$WORK/move.jsonl" >/dev/null
sync; t1=$(now)
MOVE_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
LOAD_MOVE=$(cut -d' ' -f1-3 /proc/loadavg)
LEFT=$(find "$WORK/src-move" -type f | wc -l)
[ "$LEFT" -eq 0 ] || { echo "bench-import: $LEFT files left after --move" >&2; exit 1; }
MOVED=$(grep -c '"outcome":"imported"' "$WORK/move.jsonl" || true)
[ "$MOVED" -eq "$FILES" ] || { echo "bench-import: --move imported $MOVED of $FILES" >&2; exit 1; }

report() { # name seconds load
  awk -v n="$1" -v s="$2" -v f="$FILES" -v mb="$MB" -v cp="$CP_S" -v l="$3" \
    'BEGIN{printf "%-16s %8.2f s %9.1f files/s %8.1f MB/s   cp -r time / this time: %.3f   (load %s)\n", n, s, f/s, mb/s, cp/s, l}'
}
echo
report "cp -r" "$CP_S" "$LOAD_CP"
report "import (copy)" "$COPY_S" "$LOAD_COPY"
report "import --move" "$MOVE_S" "$LOAD_MOVE"
