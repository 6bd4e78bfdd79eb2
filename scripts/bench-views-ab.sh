#!/usr/bin/env bash
# A/B of two daemon builds with make bench-views' measurements, alternating A, B, A, B... in one window (the machine's
# other load hits both alike). Usage: scripts/bench-views-ab.sh <binary A> <binary B> [rounds, default 2]
# Passes the bench knobs through (BENCH_NOCACHE, BENCH_RUNS, ...); prints each run's table, then per view the mean
# p50 and mean daemon CPU per request of each build over its runs.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
A=${1:?binary A}; B=${2:?binary B}; ROUNDS=${3:-2}
OUT=$(mktemp -d /tmp/fp-bench-views-ab.XXXXXX)
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    bin=$A; [ "$side" = B ] && bin=$B
    echo "== round $round, $side: $bin"
    BENCH_BIN=$bin "$REPO/scripts/bench-views.sh" | tee "$OUT/$side.$round" | sed -n '/^PROPFIND Depth 1/,/^load:/p'
  done
done
echo
echo "== mean over $ROUNDS runs each (p50 ms / cpu ms per request; ratio = view / Originals/real of the same build)"
printf '%-36s %9s %9s %8s %8s %9s %9s\n' "PROPFIND Depth 1" "A p50" "B p50" "A ratio" "B ratio" "A cpu" "B cpu"
# rows of the tables: label (36 columns), entries, p50, p99, p50 ratio, p99 ratio, cpu, cpu ratio
for side in A B; do cat "$OUT/$side".* | awk -v s="$side" 'length($0) > 40 && $0 !~ /^PROPFIND|^\(|^load|^==|^Folder|^ *rows/ {
  label = substr($0, 1, 36); n = split(substr($0, 37), f, " "); if (n < 7) next
  p[label] += f[2]; r[label] += f[4]; c[label] += f[6]; k[label]++; order[label] = ++seen[label] == 1 ? ++nl : order[label]
} END { for (l in k) printf "%s|%d|%s|%.1f|%.2f|%.2f\n", s, order[l], l, p[l] / k[l], r[l] / k[l], c[l] / k[l] }'; done \
  | sort -t'|' -k2,2n -k1,1 | awk -F'|' '{ key = $3; if ($1 == "A") { ap[key] = $4; ar[key] = $5; ac[key] = $6; ord[++n] = key } else { bp[key] = $4; br[key] = $5; bc[key] = $6 } }
  END { for (i = 1; i <= n; i++) { k = ord[i]; printf "%-36s %9s %9s %8s %8s %9s %9s\n", k, ap[k], bp[k], ar[k], br[k], ac[k], bc[k] } }'
echo "load: $(uptime)"
rm -rf "$OUT"
