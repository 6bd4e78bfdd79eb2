#!/usr/bin/env bash
# make bench-import: import 2,000 generated camera JPEGs with `folderprism import` in copy mode and in --move mode,
# and in the same run copy the same tree with plain `cp -r`; prints files/s, MB/s and the ratio to cp -r.
# Import does more than cp: hash, EXIF date, pixel decode (truncation check, perceptual hash, thumbnails), index rows.
# Knobs (env): BENCH_FILES (2000), BENCH_SIZE (2000x1500), BENCH_DIR, BENCH_KEEP.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
FILES=${BENCH_FILES:-2000}
SIZE=${BENCH_SIZE:-2000x1500}
BIN="$REPO/out/folderprism"
[ -x "$BIN" ] || { echo "bench-import: $BIN missing; run 'make build' first" >&2; exit 1; }
for t in ffmpeg exiftool; do command -v "$t" >/dev/null || { echo "bench-import: $t missing (scripts/install-test-deps.sh)" >&2; exit 1; }; done

WORK=${BENCH_DIR:-$(mktemp -d /tmp/fp-bench-import.XXXXXX)}
cleanup() { [ -z "${BENCH_KEEP:-}" ] && rm -rf "$WORK"; }
trap cleanup EXIT

SRC="$WORK/src"
mkdir -p "$SRC" "$WORK/base"
echo "== generating $FILES JPEGs ($SIZE) in $SRC (20 frames, each copy with its own EXIF date, 10 camera folders)"
ffmpeg -loglevel error -f lavfi -i "testsrc2=size=$SIZE:rate=1" -vf "noise=alls=12:allf=t+u" -frames:v 20 -q:v 3 "$WORK/base/base_%02d.jpg"
ARGS="$WORK/exif.args"
: > "$ARGS"
for i in $(seq 1 "$FILES"); do
  b=$(( (i - 1) % 20 + 1 ))
  dir="$SRC/card$(( i % 10 ))/DCIM"
  mkdir -p "$dir"
  f=$(printf '%s/IMG_%05d.JPG' "$dir" "$i")
  cp "$WORK/base/$(printf 'base_%02d.jpg' "$b")" "$f"
  # One day apart each: identical frames on different days are different photos, not near-duplicates.
  d=$(date -u -d "2015-01-01 + $i days" '+%Y:%m:%d')
  printf -- '-overwrite_original\n-Make=BenchCam\n-Model=Model %d\n-DateTimeOriginal=%s 10:00:00\n-OffsetTimeOriginal=+01:00\n%s\n-execute\n' \
    "$b" "$d" "$f" >> "$ARGS"
done
exiftool -q -@ "$ARGS" >/dev/null
BYTES=$(du -sb "$SRC" | cut -f1)
MB=$(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1e6}')
echo "   $FILES files, $MB MB"

now() { date +%s.%N; }
sync

echo "== baseline: cp -r"
t0=$(now); cp -r "$SRC" "$WORK/cp-copy"; sync; t1=$(now)
CP_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
rm -rf "$WORK/cp-copy"

echo "== folderprism import (copy)"
t0=$(now)
"$BIN" import "$SRC" --library "$WORK/lib-copy" --data "$WORK/data-copy" --report "$WORK/copy.jsonl" >/dev/null
sync; t1=$(now)
COPY_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
IMPORTED=$(grep -c '"outcome":"imported"' "$WORK/copy.jsonl" || true)
[ "$IMPORTED" -eq "$FILES" ] || { echo "bench-import: copy imported $IMPORTED of $FILES" >&2; exit 1; }

echo "== folderprism import --move"
cp -r "$SRC" "$WORK/src-move"; sync
t0=$(now)
"$BIN" import "$WORK/src-move" --move --library "$WORK/lib-move" --data "$WORK/data-move" --report "$WORK/move.jsonl" >/dev/null
sync; t1=$(now)
MOVE_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
LEFT=$(find "$WORK/src-move" -type f | wc -l)
[ "$LEFT" -eq 0 ] || { echo "bench-import: $LEFT files left after --move" >&2; exit 1; }

report() { # name seconds
  awk -v n="$1" -v s="$2" -v f="$FILES" -v mb="$MB" -v cp="$CP_S" \
    'BEGIN{printf "%-22s %8.2f s %9.1f files/s %8.1f MB/s   ratio vs cp -r: %.3f\n", n, s, f/s, mb/s, cp/s}'
}
echo
report "cp -r" "$CP_S"
report "import (copy)" "$COPY_S"
report "import --move" "$MOVE_S"
