#!/usr/bin/env bash
# `cpack -G DEB` in the build directory makes a .deb that holds the binary, the man
# page and the three completions, depends on the libraries it links, and whose
# binary runs from an empty directory (its catalogue is built in).
# usage: deb_test.sh BUILD_DIR
set -u
build=$(realpath "$1")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; echo "FAIL cpack -G DEB"; exit 1; }
deb=$(ls "$out"/advisor_*.deb 2>/dev/null | head -1)
check "cpack made advisor_VERSION_ARCH.deb" '[ -n "$deb" ]'
[ -n "$deb" ] || exit 1
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/advisor ./usr/share/man/man1/advisor.1.gz ./usr/share/bash-completion/completions/advisor \
         ./usr/share/zsh/vendor-completions/_advisor ./usr/share/fish/vendor_completions.d/advisor.fish; do
  check "holds $f" 'grep -q " $f\$" <<<"$contents"'
done
check "nothing but usr/ inside" '! grep -v " \./usr" <<<"$contents" | grep -q . '
check "package name advisor" '[ "$(dpkg-deb -f "$deb" Package)" = advisor ]'
check "has a maintainer and a description" '[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] && [ -n "$(dpkg-deb -f "$deb" Description)" ]'
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libyaml-cpp0.7 libfmt9 libutf8proc2; do
  check "depends on $lib" 'grep -q "$lib" <<<"$depends"'
done
dpkg-deb -x "$deb" "$out/root"
empty=$(mktemp -d -p "$out")
listing=$(cd "$empty" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$out/root/usr/bin/advisor" --lang en list roles 2>&1)
code=$?
check "the extracted advisor lists roles from an empty directory (exit $code)" '[ $code -eq 0 ] && grep -q "machine-learning-engineer" <<<"$listing"'
check "the packaged man page is valid" '[ -z "$(zcat "$out/root/usr/share/man/man1/advisor.1.gz" | groff -man -Tutf8 -ww -z 2>&1)" ]'
exit $fail
