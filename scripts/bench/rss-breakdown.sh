#!/usr/bin/env bash
# Per-mapping RSS of a process, from /proc/PID/smaps (or a saved copy): file-backed mappings summed per file,
# anonymous memory split by what it usually is in a .NET process (executable = JIT'd code and stubs; read-write =
# GC heap, malloc arenas of native libraries, thread stacks). Usage: rss-breakdown.sh PID|SMAPS_FILE [TOP]
set -euo pipefail
src=$1
top=${2:-25}
[ -f "$src" ] || src=/proc/$src/smaps
awk -v top="$top" '
  /^[0-9a-f]+-[0-9a-f]+ / {
    perms = $2; name = ($6 == "") ? "" : $6
    for (i = 7; i <= NF; i++) name = name " " $i
    if (name == "") key = (perms ~ /x/) ? "[anon exec: JIT code, stubs]" : (perms ~ /^---/ ? "[anon reserved]" : "[anon rw: GC heap, malloc, stacks]")
    else if (name ~ /^\[/) key = name
    else { n = split(name, parts, "/"); key = parts[n]; if (name ~ /\/memfd:|doublemapper/) key = "[doublemapper: JIT code]" }
    next
  }
  /^Rss:/ { rss[key] += $2; total += $2 }
  END {
    for (k in rss) if (rss[k] > 0) printf "%8.1f MB  %s\n", rss[k] / 1024, k | "sort -rn | head -n " top
    close("sort -rn | head -n " top)
    printf "%8.1f MB  total\n", total / 1024
  }' "$src"
