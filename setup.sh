#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   ./setup.sh run    install what is missing, build, run the main job
#   ./setup.sh test   install what is missing, build, run every test (what CI runs)
#   ./setup.sh deps   only install what is missing
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the build and the test suite need. Nothing is downloaded from
# anywhere else.
PACKAGES=(cmake ninja-build g++ pkg-config
          libcli11-dev libyaml-cpp-dev nlohmann-json3-dev libfmt-dev libutf8proc-dev catch2 libmimalloc-dev
          python3 python3-jsonschema python3-yaml graphviz jq
          clang-14 libclang-rt-14-dev clang-tidy-14 clang-format-14 ccache
          bash zsh fish tmux man-db groff-base dpkg-dev file
          parallel)
# Only the test suite needs these (`test` and `deps` install them, `run` does not): the
# browser the report's pages are rendered in (tests/report/browser.py) and a CJK font,
# so that its Chinese page shows characters rather than empty boxes.
TEST_PACKAGES=(chromium fonts-wqy-microhei)

install_missing() {  # install_missing PACKAGE...
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  echo "setup: installing ${missing[*]}" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ccache keeps every object it compiled: a second `./setup.sh test` on the same machine
# (or a CI that keeps ~/.cache/ccache) compiles only what changed.
LAUNCHER=()
if command -v ccache >/dev/null; then LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

# The build people run and CI tests: optimised, with line tables for backtraces but not
# full debug information, which made the build a third slower (CLI11's header alone:
# 5.5 s a file with -g, 3.9 with -g1). Configure your own build dir for a debugger.
RELEASE_FLAGS=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG")

build() {  # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "${RELEASE_FLAGS[@]}" "${LAUNCHER[@]}" "$@" >/dev/null
  cmake --build "$dir" -j"$(nproc)"
}

# The house style (.clang-format, clang-format 14): every C++ file git tracks, checked
# in seconds before anything is built.
format_check() {
  local files
  mapfile -t files < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null)
  if [ ${#files[@]} -eq 0 ]; then
    echo "setup: not a git checkout: the format check is skipped" >&2
    return 0
  fi
  if ! clang-format-14 --dry-run -Werror "${files[@]}"; then
    echo "setup: the files above are not in the house style: clang-format-14 -i FILE" >&2
    return 1
  fi
}

# `run` needs the advisor binary alone: no test suite, no benchmark. Ninja's log is
# kept in build/setup-run.log and shown only when the build fails; the terminal gets
# one progress line.
build_advisor_only() {
  cmake -S . -B build -G Ninja "${RELEASE_FLAGS[@]}" "${LAUNCHER[@]}" >/dev/null
  echo "setup: building advisor (about 2 minutes on 2 cores; log in build/setup-run.log)" >&2
  if ! cmake --build build --target advisor -j"$(nproc)" >build/setup-run.log 2>&1; then
    cat build/setup-run.log >&2
    return 1
  fi
}

case "${1:-run}" in
  deps)
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ;;
  run)
    install_missing "${PACKAGES[@]}"
    build_advisor_only
    ./build/advisor recommend --profile profiles/it-manager.yaml
    ;;
  test)
    # Fast checks first: a fault that takes seconds to find is not found after fifteen
    # minutes of building. Each suite runs once: the whole suite on the normal build
    # (GCC, the binary people run, on mimalloc), and the whole suite again under
    # AddressSanitizer and UndefinedBehaviorSanitizer, which is a different binary.
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    format_check
    build build
    ./build/advisor recommend --profile profiles/it-manager.yaml
    (cd build && ctest --output-on-failure -j"$(nproc)")
    # The second build is clang's, and does three jobs in one compile of every file:
    # clang's warnings as errors (GCC misses some), AddressSanitizer and
    # UndefinedBehaviorSanitizer under the whole suite, and the libFuzzer targets. At -O1
    # with line tables only (what the sanitizers need). One build instead of three
    # (clang warnings, GCC sanitizers, fuzzers) saved 4.5 minutes of CI (HACKING.md).
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
          "${LAUNCHER[@]}" -DADVISOR_SANITIZE=address,undefined -DADVISOR_FUZZ=ON \
          -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wshadow -Werror" \
          "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" >/dev/null
    cmake --build build-asan -j"$(nproc)"
    # clang-tidy (.clang-tidy, clang-diagnostic-* included) on every file of src/, with
    # that build's flags.
    cmake --build build-asan --target clang-tidy
    (cd build-asan && ctest --output-on-failure -j"$(nproc)")
    # The fuzzers' smoke run, on the targets just built, the slowest stage last.
    FUZZ_BUILD_DIR=build-asan tests/fuzz-smoke.sh
    ;;
  *)
    echo "usage: ./setup.sh [run|test|deps]" >&2
    exit 2
    ;;
esac
