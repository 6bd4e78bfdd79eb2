#!/usr/bin/env bash
# Sums the TRX results of one `make test` run into the single closing line CI reads: "N passed, N failed, N skipped".
# Failed tests are listed just above that line, with the first lines of their messages, because CI keeps only the tail
# of the log and a flaky failure must be identifiable from it.
set -euo pipefail
dir=${1:?results directory}
passed=0; failed=0; skipped=0
while IFS= read -r -d '' trx; do
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$line"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed) + $(get error) + $(get timeout)))
  skipped=$((skipped + $(get notExecuted)))
  if command -v python3 >/dev/null; then
    python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
for r in root.iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") not in ("Failed", "Error", "Timeout"):
        continue
    msg = r.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns).strip().splitlines()
    print(f"FAILED {r.get('testName')} [{r.get('duration')}]")
    for l in msg[:6]:
        print(f"    {l[:300]}")
PY
  else
    grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\)"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/FAILED \1/p' || true
  fi
done < <(find "$dir" -name '*.trx' -print0)
echo "tests: $passed passed, $failed failed, $skipped skipped"
