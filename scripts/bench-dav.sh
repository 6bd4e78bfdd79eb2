#!/usr/bin/env bash
# make bench-dav: FolderPrism's WebDAV server against Apache mod_dav on the same tree, in one run.
# Prints PROPFIND Depth 1 latency on a 10,000-file folder, GET throughput of a 1 GiB file, and 32 concurrent
# clients doing mixed PROPFIND/GET, with FolderPrism/Apache ratios and the daemon's peak RSS.
# Knobs (env): BENCH_FILES (10000), BENCH_BIG_MB (1024), BENCH_GET_RUNS (15), BENCH_SECONDS (30), BENCH_CLIENTS (32), BENCH_DIR.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
FILES=${BENCH_FILES:-10000}
BIG_MB=${BENCH_BIG_MB:-1024}
SECONDS_LOAD=${BENCH_SECONDS:-30}
CLIENTS=${BENCH_CLIENTS:-32}
RUNS=${BENCH_RUNS:-15}
GET_RUNS=${BENCH_GET_RUNS:-15}
BIG_BYTES=$((BIG_MB * 1024 * 1024))
APACHE_PORT=${BENCH_APACHE_PORT:-18091}
FP_PORT=${BENCH_FP_PORT:-18092}
BIN="$REPO/out/folderprism"
[ -x "$BIN" ] || { echo "bench-dav: $BIN missing; run 'make build' first" >&2; exit 1; }

need=()
for p in apache2 apache2-utils wrk curl; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

WORK=${BENCH_DIR:-$(mktemp -d /tmp/fp-bench-dav.XXXXXX)}
FP_PID=""
SAMPLER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$FP_PID" ] && kill "$FP_PID" 2>/dev/null && wait "$FP_PID" 2>/dev/null || true
  [ -f "$WORK/apache/httpd.pid" ] && kill "$(cat "$WORK/apache/httpd.pid")" 2>/dev/null || true
  sleep 1
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

echo "== preparing a fixed tree in $WORK: $FILES files, 100-file mixed folder, ${BIG_MB} MiB file"
mkdir -p "$WORK/tree/big" "$WORK/tree/mixed" "$WORK/apache/lock" "$WORK/lib" "$WORK/data"
head -c 4096 /dev/urandom > "$WORK/seed4k"
head -c 65536 /dev/urandom > "$WORK/seed64k"
( cd "$WORK/tree/big" && for i in $(seq -f '%05g' 1 "$FILES"); do cp "$WORK/seed4k" "IMG_$i.jpg"; done )
( cd "$WORK/tree/mixed" && for i in $(seq -f '%03g' 0 99); do cp "$WORK/seed64k" "f$i.jpg"; done )
dd if=/dev/urandom of="$WORK/tree/large.bin" bs=1M count="$BIG_MB" status=none
# The same inodes for both servers (hard links): the page cache is shared, so neither gets a colder disk.
cp -al "$WORK/tree" "$WORK/apache-root"
cp -al "$WORK/tree" "$WORK/lib/Originals"
chown -R www-data:www-data "$WORK/apache/lock"
chmod 755 "$WORK"

USER_NAME=bench
PASS=bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
AUTH=$(printf '%s:%s' "$USER_NAME" "$PASS" | base64 -w0)
htpasswd -bcs "$WORK/apache/htpasswd" "$USER_NAME" "$PASS" >/dev/null 2>&1

echo "== starting Apache mod_dav on 127.0.0.1:$APACHE_PORT"
sed -e "s#@WORK@#$WORK#g" -e "s#@PORT@#$APACHE_PORT#g" "$REPO/scripts/bench/apache-dav.conf.in" > "$WORK/apache/httpd.conf"
APACHE_RUN_DIR="$WORK/apache" /usr/sbin/apache2 -f "$WORK/apache/httpd.conf" -k start

echo "== starting FolderPrism on 127.0.0.1:$FP_PORT"
printf '%s\n' "$PASS" | "$BIN" users add "$USER_NAME" --role editor --password-stdin --library "$WORK/lib" --data "$WORK/data" >/dev/null
# The daemon runs with the environment the shipped systemd unit gives it (GC and malloc settings), nothing else.
mapfile -t UNIT_ENV < <(sed -n 's/^Environment=//p' "$REPO/systemd/folderprism.service")
echo "   environment from systemd/folderprism.service: ${UNIT_ENV[*]}"
env "${UNIT_ENV[@]}" "$BIN" serve --library "$WORK/lib" --data "$WORK/data" --urls "http://127.0.0.1:$FP_PORT" > "$WORK/fp.log" 2>&1 &
FP_PID=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$FP_PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$FP_PORT/healthz" >/dev/null || { echo "FolderPrism did not start"; cat "$WORK/fp.log"; exit 1; }
# RSS every 0.5 s, tagged with the phase the bench is in (phase names are written to $WORK/phase): the serving
# process itself and the total of its process tree (any child it starts, e.g. ffmpeg, counts too). At each phase's
# peak the process's smaps is kept, for the per-mapping breakdown printed at the end.
echo start > "$WORK/phase"
( declare -A peak
  while [ -r "/proc/$FP_PID/status" ]; do
    phase=$(cat "$WORK/phase")
    own=$(awk '/VmRSS/ {print $2}' "/proc/$FP_PID/status" 2>/dev/null)
    tree=$(ps -e -o pid=,ppid=,rss= | awk -v root="$FP_PID" '
      { parent[$1] = $2; rss[$1] = $3 }
      END { for (p in rss) { q = p; while (q != "" && q != root && q != 1 && q != 0) q = parent[q]; if (q == root) t += rss[p] } print t + 0 }')
    split=$(awk '/^(RssAnon|RssFile|RssShmem|Threads):/ {printf " %s", $2}' "/proc/$FP_PID/status" 2>/dev/null)
    printf '%s %s %s%s\n' "$phase" "${own:-0}" "$tree" "$split"
    if [ "${own:-0}" -gt "${peak[$phase]:-0}" ]; then peak[$phase]=$own; cat "/proc/$FP_PID/smaps" > "$WORK/smaps.$phase" 2>/dev/null || true; fi
    sleep 0.5
  done ) > "$WORK/rss.log" 2>/dev/null &
SAMPLER_PID=$!
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$APACHE_PORT/" -u "$USER_NAME:$PASS" && break; sleep 0.2; done

# Let the daemon finish indexing the fresh tree first: this compares serving, not serving-while-indexing.
echo indexing > "$WORK/phase"
INDEX_WAIT=${BENCH_INDEX_WAIT:-600}
INDEX_STATE="still indexing after ${INDEX_WAIT}s (measured while the low-priority indexer runs)"
deadline=$(( $(date +%s) + INDEX_WAIT ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  # The start-up reconcile begins a few seconds after the daemon listens: until it has run ("reconcile: never"),
  # an empty queue means indexing has not started yet, not that it is done.
  st=$("$BIN" status --library "$WORK/lib" --data "$WORK/data" 2>/dev/null || true)
  pending=$(sed -n 's/^index: *[0-9]* items, \([0-9]*\) jobs pending.*/\1/p' <<<"$st")
  if [ "${pending:-1}" = "0" ] && ! grep -q '^reconcile: *never' <<<"$st"; then INDEX_STATE="index idle"; break; fi
  sleep 2
done
echo "   $INDEX_STATE"

PROPBODY='<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><displayname/><getlastmodified/><getcontentlength/><resourcetype/><getetag/></prop></propfind>'

propfind_once() { # url -> seconds
  curl -s -o "$WORK/pf.out" -w '%{time_total}' -X PROPFIND -H 'Depth: 1' -H 'Content-Type: application/xml' \
    -u "$USER_NAME:$PASS" --data-binary "$PROPBODY" "$1"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
p90() { sort -g | awk '{a[NR]=$1} END {i=int(NR*0.9); if (i<1) i=1; print a[i]}'; }

propfind_latency() { # url -> "median p90 entries"
  local url=$1 i
  propfind_once "$url" >/dev/null; propfind_once "$url" >/dev/null
  local entries; entries=$(grep -o '<[A-Za-z0-9]*:\?response[ >]' "$WORK/pf.out" | wc -l)
  : > "$WORK/lat"
  for i in $(seq 1 "$RUNS"); do propfind_once "$url" >> "$WORK/lat"; echo >> "$WORK/lat"; done
  echo "$(median < "$WORK/lat") $(p90 < "$WORK/lat") $entries"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$FP_PID/stat"; } # the daemon's user+system CPU, in clock ticks

get_once() { # url -> bytes/s of one full-length GET (status and length checked, the body dropped)
  local out code size speed; out=$(curl -s -o /dev/null -u "$USER_NAME:$PASS" -w '%{http_code} %{size_download} %{speed_download}' "$1")
  read -r code size speed <<<"$out"
  [ "$code" = 200 ] && [ "$size" = "$BIG_BYTES" ] || { echo "bench-dav: GET $1 gave HTTP $code, $size bytes" >&2; return 1; }
  echo "$speed"
}

apache_ticks() { # user+system CPU of all of this Apache's processes, in clock ticks
  local t=0 p
  for p in $(pgrep -f "apache2 -f $WORK/apache/httpd.conf"); do t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done
  echo "$t"
}

get_apache() { # url -> appends one speed to spd.a, Apache's CPU to a_cpu, and the daemon's CPU meanwhile to idle_cpu
  local t0 a0 speed
  t0=$(cpu_ticks); a0=$(apache_ticks)
  speed=$(get_once "$1") || exit 1; echo "$speed" >> "$WORK/spd.a"
  idle_cpu=$(( idle_cpu + $(cpu_ticks) - t0 )); a_cpu=$(( a_cpu + $(apache_ticks) - a0 ))
}

get_folderprism() { # url -> appends one speed to spd.f, and the daemon's CPU to f_cpu
  local t0 speed
  t0=$(cpu_ticks)
  speed=$(get_once "$1") || exit 1; echo "$speed" >> "$WORK/spd.f"
  f_cpu=$(( f_cpu + $(cpu_ticks) - t0 ))
}

get_speeds() { # apache-url folderprism-url -> sets a_get, f_get (median bytes/s) and idle_cpu (ticks). Runs alternate
  # between the servers after one untimed GET each (the file is in the page cache for both: the same inode), in
  # A-F, F-A, A-F... order, so load drifts hit both alike and neither always runs second. On a 2-core machine both
  # servers and curl saturate the CPUs and one run varies by +-20%: the median of many pairs is what is stable.
  # idle_cpu is the daemon's CPU while Apache's GETs ran: background work competing with them. a_cpu and f_cpu are
  # each server's own CPU for its GETs (sendfile, TCP and the loopback's receive work it triggers): steadier than
  # MB/s, since curl and the server share the 2 cores and either one's scheduling luck moves a run's speed.
  local i
  : > "$WORK/spd.a"; : > "$WORK/spd.f"
  get_once "$1" >/dev/null || exit 1; get_once "$2" >/dev/null || exit 1
  idle_cpu=0; a_cpu=0; f_cpu=0
  for i in $(seq 1 "$GET_RUNS"); do
    if (( i % 2 == 1 )); then get_apache "$1"; fi
    get_folderprism "$2"
    if (( i % 2 == 0 )); then get_apache "$1"; fi
  done
  a_get=$(median < "$WORK/spd.a"); f_get=$(median < "$WORK/spd.f")
}

mixed_load() { # prefix -> "req/s errors"
  local out path="/${1#http://*/}"   # origin-form targets, as file managers send them
  out=$(wrk -t2 -c"$CLIENTS" -d"${SECONDS_LOAD}s" --timeout 10s -s "$REPO/scripts/bench/dav-mixed.lua" "$1" -- "$path" "$AUTH")
  local rps errs non2xx secs
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  secs=$(sed -n 's/.* requests in \([0-9.]*\)s,.*/\1/p' <<<"$out")
  errs=$(awk '/Socket errors/ {gsub(/,/,""); print $4+$6+$8+$10}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  echo "$rps $(( ${errs:-0} + ${non2xx:-0} )) ${secs:-?}"
}

A="http://127.0.0.1:$APACHE_PORT"
F="http://127.0.0.1:$FP_PORT/Originals"

echo "== PROPFIND Depth 1 on a ${FILES}-file folder ($RUNS runs each)"
echo serving > "$WORK/phase"
read -r a_pf a_pf90 a_n <<<"$(propfind_latency "$A/big/")"
read -r f_pf f_pf90 f_n <<<"$(propfind_latency "$F/big/")"
echo "== GET of a ${BIG_MB} MiB file ($GET_RUNS runs each, alternating)"
get_speeds "$A/large.bin" "$F/large.bin"
echo "   FolderPrism/Apache MB/s per run: $(paste -d/ "$WORK/spd.f" "$WORK/spd.a" | awk -F/ '{printf "%.0f/%.0f ", $1/1e6, $2/1e6}')"
echo "   daemon CPU while Apache's GETs ran (background work): $(awk -v t="$idle_cpu" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t/hz}') s"
echo "   server CPU per GET, FolderPrism/Apache: $(awk -v f="$f_cpu" -v a="$a_cpu" -v n="$GET_RUNS" -v hz="$(getconf CLK_TCK)" \
  'BEGIN{printf "%.2f/%.2f s (ratio %.2f; lower is better)", f/n/hz, a/n/hz, (a > 0) ? f/a : 0}')"
echo "== $CLIENTS clients, mixed PROPFIND/GET for ${SECONDS_LOAD}s each"
read -r a_rps a_err a_secs <<<"$(mixed_load "$A/mixed/")"
read -r f_rps f_err f_secs <<<"$(mixed_load "$F/mixed/")"
f_hwm=$(awk '/VmHWM/ {print $2}' "/proc/$FP_PID/status")
f_rss=$(awk '/VmRSS/ {print $2}' "/proc/$FP_PID/status")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
echo
printf '%-44s %14s %14s %8s %s\n' "measure" "FolderPrism" "Apache" "ratio" "goal"
printf '%-44s %14s %14s %8s %s\n' "PROPFIND D1 ${FILES} files, median (ms)" \
  "$(awk -v x="$f_pf" 'BEGIN{printf "%.1f", x*1000}')" "$(awk -v x="$a_pf" 'BEGIN{printf "%.1f", x*1000}')" "$(ratio "$f_pf" "$a_pf")" "<= 1.0"
printf '%-44s %14s %14s %8s %s\n' "PROPFIND D1 ${FILES} files, p90 (ms)" \
  "$(awk -v x="$f_pf90" 'BEGIN{printf "%.1f", x*1000}')" "$(awk -v x="$a_pf90" 'BEGIN{printf "%.1f", x*1000}')" "$(ratio "$f_pf90" "$a_pf90")" "<= 1.0"
printf '%-44s %14s %14s\n' "PROPFIND D1 entries returned" "$f_n" "$a_n"
printf '%-44s %14s %14s %8s %s\n' "GET ${BIG_MB} MiB (MB/s)" \
  "$(awk -v x="$f_get" 'BEGIN{printf "%.0f", x/1e6}')" "$(awk -v x="$a_get" 'BEGIN{printf "%.0f", x/1e6}')" "$(ratio "$f_get" "$a_get")" ">= 1.0"
printf '%-44s %14s %14s\n' "mixed load duration (s, measured by wrk)" "$f_secs" "$a_secs"
printf '%-44s %14s %14s %8s %s\n' "$CLIENTS clients mixed PROPFIND/GET (req/s)" "$f_rps" "$a_rps" "$(ratio "$f_rps" "$a_rps")" ">= 1.0"
printf '%-44s %14s %14s %8s %s\n' "errors (socket + non-2xx/3xx)" "$f_err" "$a_err" "" "0"
peak_of() { awk -v p="$1" -v c="$2" '$1 == p && $c > m {m = $c} END {printf "%d", m / 1024}' "$WORK/rss.log"; }
printf '%-44s %14s %14s %8s %s\n' "FolderPrism RSS peak while indexing (MB)" "$(peak_of indexing 2)" "" "" "< 150"
printf '%-44s %14s %14s %8s %s\n' "  process tree total, peak (MB)" "$(peak_of indexing 3)" "" "" "< 150"
printf '%-44s %14s %14s %8s %s\n' "FolderPrism RSS peak while serving (MB)" "$(peak_of serving 2)" "" "" "< 150"
printf '%-44s %14s %14s %8s %s\n' "  process tree total, peak (MB)" "$(peak_of serving 3)" "" "" "< 150"
split_of() { awk -v p="$1" '$1 == p && $2 > m {m = $2; a = $4; f = $5; s = $6; t = $7} END {printf "%d/%d/%d, %d threads", a / 1024, f / 1024, s / 1024, t}' "$WORK/rss.log"; }
printf '%-44s %20s\n' "  RssAnon/RssFile/RssShmem (MB) at indexing peak" "$(split_of indexing)"
printf '%-44s %20s\n' "  RssAnon/RssFile/RssShmem (MB) at serving peak" "$(split_of serving)"
printf '%-44s %14s %14s %8s %s\n' "FolderPrism RSS now / VmHWM whole run (MB)" "$((f_rss / 1024)) / $((f_hwm / 1024))" "" "" "peak < 150"
echo "($INDEX_STATE; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
for phase in indexing serving; do
  [ -f "$WORK/smaps.$phase" ] || continue
  echo
  echo "== where the RSS was at the $phase peak (per mapping, scripts/bench/rss-breakdown.sh)"
  "$REPO/scripts/bench/rss-breakdown.sh" "$WORK/smaps.$phase" 15
done
