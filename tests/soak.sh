#!/usr/bin/env bash
# Soak: runs a scenario headless (default: resources/scenarios/soak-every-attack.json, 2,000 devices for one
# simulated hour under every kind of attack) and prints its memory curve: the resident set size sampled every
# few seconds of wall time, then the exit status. A measurement, not a test: it asserts nothing.
#   tests/soak.sh [BUILD_DIR] [SCENARIO] [SAMPLE_SECONDS]
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
scenario=${2:-$root/resources/scenarios/soak-every-attack.json}
every=${3:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/bin/mtcsec" run --scenario "$scenario" --report "$out/report.json" >"$out/summary.txt" 2>&1 &
pid=$!
start=$(date +%s)
echo "wall_s rss_mib"
while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status" 2>/dev/null)
    [ -n "$rss" ] && echo "$(($(date +%s) - start)) $rss"
    sleep "$every"
done
wait "$pid"
status=$?
echo "exit status $status after $(($(date +%s) - start)) s"
grep -E '^(Scenario|Attach|Uplink|Downlink|Dropped|Digest)' "$out/summary.txt"
exit "$status"
