#!/usr/bin/env bash
# Runs libFuzzer targets on their seed corpora.
#   fuzz/run.sh [TARGET|all] [SECONDS]     e.g. fuzz/run.sh profile 600
# TARGET is catalog, profile, rules, batch, date or escape (or all, one after another).
# Builds them first in build-fuzz with clang-14. New inputs the fuzzer finds go to
# build-fuzz/corpus/TARGET (seeds in fuzz/corpus/TARGET stay as they are); a crash
# is written to build-fuzz/crashes/ and ends the run with a non-zero status.
# FUZZ_JOBS=N runs N targets at a time (default 1); FUZZ_NICE sets the niceness;
# FUZZ_CXX_FLAGS replaces -O2 -g -DNDEBUG when build-fuzz is first configured (the
# smoke run builds with -O1 -g1, which compiles faster).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-all}
seconds=${2:-60}
build=${FUZZ_BUILD_DIR:-build-fuzz}
all=(catalog profile rules batch date escape)

if [ ! -f "$build/build.ninja" ]; then
  launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "${launcher[@]}" -DADVISOR_FUZZ=ON -DADVISOR_BUILD_TESTS=OFF \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=${FUZZ_CXX_FLAGS:--O2 -g -DNDEBUG}" >/dev/null
fi
if [ "$target" = all ]; then targets=("${all[@]}"); else targets=("$target"); fi
for t in "${targets[@]}"; do
  case " ${all[*]} " in *" $t "*) ;; *) echo "fuzz/run.sh: unknown target '$t' (one of: ${all[*]}, all)" >&2; exit 2;; esac
done
# The build's own output is kept quiet, but not its errors: a target that does not
# build must say why, not end the run with a bare non-zero status.
if ! cmake --build "$build" -j"${FUZZ_BUILD_JOBS:-2}" --target $(printf '%s_fuzzer ' "${targets[@]}") >"$build/build.log" 2>&1; then
  echo "fuzz/run.sh: building the fuzz targets failed (all of it in $build/build.log):" >&2
  grep -E 'error|undefined reference' "$build/build.log" | head -20 >&2 || true
  exit 1
fi

run_one() {  # run_one TARGET
  local t=$1 work="$build/corpus/$1" log="$build/fuzz-$1.log"
  mkdir -p "$work" "$build/crashes"
  local dict=()
  [ -f "fuzz/dict/$t.dict" ] && dict=(-dict="fuzz/dict/$t.dict")
  # -rss_limit_mb: the limits should keep memory small; -timeout: a slow input is a hang.
  if nice -n "${FUZZ_NICE:-10}" "$build/fuzz/${t}_fuzzer" "$work" "fuzz/corpus/$t" "${dict[@]}" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$build/crashes/$t-" >"$log" 2>&1; then
    local runs speed
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    echo "fuzz $t: ${seconds}s, ${runs:-?} runs, ${speed:-?} exec/s, no crash"
  else
    echo "fuzz $t: FAILED (see $log)" >&2
    grep -E 'ERROR|invariant failed|runtime error|Test unit written' "$log" | head -5 >&2 || true
    return 1
  fi
}

jobs=${FUZZ_JOBS:-1}
status=0
pids=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  if [ "${#pids[@]}" -ge "$jobs" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
