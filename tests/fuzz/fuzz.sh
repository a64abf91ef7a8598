#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang with ASan + UBSan) and runs each one for a while, starting
# from its seed corpus and its kept crash inputs; fails on the first crash, sanitizer report or round-trip
# mismatch. CI runs it for a short time per target (installer/bootstrap.sh test); run it longer by hand.
#
#   tests/fuzz/fuzz.sh [SECONDS_PER_TARGET [TARGET...]] [-- LIBFUZZER_OPTIONS...]
#
# Default: 10 seconds for each of the 14 targets, as many at a time as there are cores. The build lives in
# ./build-fuzz (or $MTCSEC_FUZZ_BUILD_DIR); what a run finds new stays in BUILD/fuzz/corpus/TARGET, a crash
# input in BUILD/fuzz/artifacts/TARGET/. Without clang it says so and exits 0.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${MTCSEC_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-10}
[ $# -gt 0 ] && shift
targets=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    targets+=("$1")
    shift
done
[ "${1:-}" = "--" ] && shift
extra=("$@")
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz: '$seconds' is not a number of seconds" >&2; exit 2; }
if [ ${#targets[@]} -eq 0 ]; then
    for d in "$root"/tests/fuzz/corpus/*/; do targets+=("$(basename "$d")"); done
fi

hint="Debian: apt-get install clang libclang-rt-14-dev"
if ! command -v clang++ >/dev/null || ! command -v clang >/dev/null; then
    echo "fuzz: clang not found: fuzz targets skipped ($hint)"
    exit 0
fi
probe='extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }'
if ! echo "$probe" | clang++ -x c++ -fsanitize=fuzzer,address,undefined - -o /dev/null 2>/dev/null; then
    echo "fuzz: clang cannot link libFuzzer with ASan and UBSan: fuzz targets skipped ($hint)"
    exit 0
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DMTCSEC_FUZZ=ON -DMTCSEC_DEVELOPER=ON "${launcher[@]}" >/dev/null
fi
cmake --build "$build" --target fuzz_all --parallel "$(nproc)"

# One target: its own corpus folder first (libFuzzer adds what it finds there), then the committed seeds.
run_one() {
    local t=$1 bin="$build/fuzz/fuzz_$1" work="$build/fuzz/corpus/$1" art="$build/fuzz/artifacts/$1"
    [ -x "$bin" ] || { echo "fuzz: no target '$t'" >"$build/fuzz/$t.log"; return 1; }
    mkdir -p "$work" "$art"
    local inputs=("$work" "$root/tests/fuzz/corpus/$t")
    [ -d "$root/tests/fuzz/regressions/$t" ] && inputs+=("$root/tests/fuzz/regressions/$t")
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
        nice "$bin" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 -artifact_prefix="$art/" \
        ${extra[@]+"${extra[@]}"} "${inputs[@]}" >"$build/fuzz/$t.log" 2>&1
}

jobs=$(nproc)
declare -A pid_of=()
failed=()
for t in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 0.2; done
    run_one "$t" &
    pid_of[$t]=$!
done
for t in "${targets[@]}"; do
    wait "${pid_of[$t]}" || failed+=("$t")
done

printf '%-12s %12s %10s %8s  %s\n' target executions exec/s corpus result
for t in "${targets[@]}"; do
    log="$build/fuzz/$t.log"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    corpus=$(find "$build/fuzz/corpus/$t" -type f 2>/dev/null | wc -l)
    result=ok
    [[ " ${failed[*]} " == *" $t "* ]] && result=FAILED
    printf '%-12s %12s %10s %8s  %s\n' "$t" "${execs:--}" "${rate:--}" "$corpus" "$result"
done
if [ ${#failed[@]} -gt 0 ]; then
    for t in "${failed[@]}"; do
        echo "---- fuzz_$t (log: $build/fuzz/$t.log)" >&2
        grep -E 'ERROR|runtime error|fuzz: round trip|SUMMARY|Test unit written' "$build/fuzz/$t.log" | head -20 >&2 || true
        echo "keep the input as a regression: cp $build/fuzz/artifacts/$t/<file> $root/tests/fuzz/regressions/$t/" >&2
    done
    exit 1
fi
