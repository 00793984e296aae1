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
dpkg-deb -x "$deb" "$out/root"
# Every shared library the binary needs is a dependency of the package (yaml-cpp
# and utf8proc are linked statically by default, ADVISOR_STATIC_DEPS).
needed=$(readelf -d "$out/root/usr/bin/advisor" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
check "the binary needs libc" 'grep -qx "libc.so.6" <<<"$needed"'
for pair in libc.so.6:libc6 libstdc++.so.6:libstdc++6 libfmt.so.9:libfmt9 libyaml-cpp.so.0.7:libyaml-cpp0.7 \
            libutf8proc.so.2:libutf8proc2; do
  so=${pair%%:*} pkg=${pair##*:}
  if grep -qx "$so" <<<"$needed"; then check "needs $so, so depends on $pkg" 'grep -q "$pkg" <<<"$depends"'; fi
done
empty=$(mktemp -d -p "$out")
listing=$(cd "$empty" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$out/root/usr/bin/advisor" --lang en list roles 2>&1)
code=$?
check "the extracted advisor lists roles from an empty directory (exit $code)" '[ $code -eq 0 ] && grep -q "machine-learning-engineer" <<<"$listing"'
check "the packaged man page is valid" '[ -z "$(zcat "$out/root/usr/share/man/man1/advisor.1.gz" | groff -man -Tutf8 -ww -z 2>&1)" ]'
exit $fail
