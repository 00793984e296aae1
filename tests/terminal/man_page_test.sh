#!/usr/bin/env bash
# advisor.1, generated at build time by `advisor __man`: groff and man render it
# without a single warning, and it documents every visible command (and no hidden one).
# usage: man_page_test.sh ADVISOR MAN_PAGE
set -u
advisor=$1 page=$2
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }
check "the man page exists" '[ -s "$page" ]'
check "it is what the binary prints now" 'cmp -s <("$advisor" --lang en __man) "$page"'
warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
check "groff -ww: no warnings${warnings:+: $warnings}" '[ -z "$warnings" ]'
if command -v man >/dev/null; then
  warnings=$(MANWIDTH=80 man -l "$page" 2>&1 >/dev/null)
  check "man -l: no warnings${warnings:+: $warnings}" '[ -z "$warnings" ]'
fi
text=$(MANWIDTH=80 groff -man -Tutf8 "$page" 2>/dev/null | col -b 2>/dev/null || groff -man -Tascii "$page")
for cmd in recommend check gap list show "catalog validate" "profile init" "profile validate" completion; do
  check "documents 'advisor $cmd'" 'grep -q "advisor $cmd" <<<"$text"'
done
check "documents the exit codes" 'grep -q "EXIT STATUS" <<<"$text" && grep -q "^ *66" <<<"$text"'
check "documents NO_COLOR" 'grep -q "NO_COLOR" <<<"$text"'
check "hides the internal commands" '! grep -q "__man\|__complete-ids" <<<"$text"'
exit $fail
