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

build() {  # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${LAUNCHER[@]}" "$@" >/dev/null
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
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${LAUNCHER[@]}" >/dev/null
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
    # Fast checks first: a fault that takes seconds to find is not found after twenty
    # minutes of building. Each suite runs once: the whole suite on the normal build
    # (the binary people run, on mimalloc), and the whole suite again under
    # AddressSanitizer and UndefinedBehaviorSanitizer, which is a different binary.
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    format_check
    build build
    ./build/advisor recommend --profile profiles/it-manager.yaml
    (cd build && ctest --output-on-failure -j"$(nproc)")
    # Clang finds what GCC misses, with warnings as errors: clang-tidy (.clang-tidy,
    # clang-diagnostic-* included) compiles every file of src/ with the clang build's
    # flags, and the unit tests' objects are compiled with clang alone (only the
    # warnings matter: nothing is linked or run, the tests are the GCC build's).
    cmake -S . -B build-clang -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
          "${LAUNCHER[@]}" -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wshadow -Werror" \
          -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O0 -g0" >/dev/null
    ninja -C build-clang $(ninja -C build-clang -t targets all | grep -o '^tests/CMakeFiles/advisor_tests[.]dir/[^:]*[.]o')
    cmake --build build-clang --target clang-tidy
    # The sanitizers, at -O1 with line tables only (what they need; it builds much
    # faster), then the fuzzers' smoke run, the slowest stages last.
    build build-asan -DADVISOR_SANITIZE=address,undefined -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
    (cd build-asan && ctest --output-on-failure -j"$(nproc)")
    if [ -x tests/fuzz-smoke.sh ]; then tests/fuzz-smoke.sh; fi
    ;;
  *)
    echo "usage: ./setup.sh [run|test|deps]" >&2
    exit 2
    ;;
esac
