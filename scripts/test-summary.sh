#!/usr/bin/env bash
# Sums the TRX results of one `make test` run into the single closing line CI reads: "N passed, N failed, N skipped".
set -euo pipefail
dir=${1:?results directory}
passed=0; failed=0; skipped=0
while IFS= read -r -d '' trx; do
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$line"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed) + $(get error) + $(get timeout)))
  skipped=$((skipped + $(get notExecuted)))
done < <(find "$dir" -name '*.trx' -print0)
echo "tests: $passed passed, $failed failed, $skipped skipped"
