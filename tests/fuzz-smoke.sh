#!/usr/bin/env bash
# CI smoke run of the libFuzzer targets (docs/limits.md): builds them with clang-14
# in FUZZ_BUILD_DIR (default build-fuzz, at -O1 -g1; ./setup.sh test passes its
# build-asan, where they are built already) and runs each for FUZZ_SMOKE_SECONDS
# (default 20) on its seed corpus, two at a time. Fails on any crash, sanitizer
# report, broken invariant or hang. About a minute of fuzzing plus the build; longer
# runs: fuzz/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang++-14 >/dev/null; then
  echo "fuzz-smoke: clang++-14 is not installed (./setup.sh deps installs it)" >&2
  exit 1
fi
seconds=${FUZZ_SMOKE_SECONDS:-20}
FUZZ_JOBS=${FUZZ_JOBS:-2} FUZZ_NICE=${FUZZ_NICE:-0} FUZZ_BUILD_JOBS=$(nproc) \
  FUZZ_CXX_FLAGS=${FUZZ_CXX_FLAGS:-"-O1 -g1 -DNDEBUG"} fuzz/run.sh all "$seconds"
