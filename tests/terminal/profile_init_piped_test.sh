#!/usr/bin/env bash
# `advisor profile init` with answers piped in (no terminal): the file written
# loads, passes `profile validate` and `recommend`; an existing file is refused
# (exit 2) and kept; --force replaces it; input ending before a required answer
# fails clearly (exit 2) and writes nothing; an unwritable path is exit 66; no
# escape codes anywhere. A misspelt name is kept as written, with its suggestion as a
# note, and no follow-up question reads the next answer's line (issue 28).
# usage: profile_init_piped_test.sh ADVISOR
set -u
advisor=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
unset NO_COLOR ADVISOR_CATALOG
export TERM=xterm-256color LANG=C.UTF-8
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }

answers='Sun Li
31
bachelor
journalism-and-communication
y
AIGC content operator
aigc, content
2025-03

n
prompt engineering, AIGC, copywritting
caip 2025-11-20

12
ai-content-creator, prompt-engineer
'
printf '%s' "$answers" | "$advisor" --as-of 2026-11-23 profile init >out.txt 2>err.txt
code=$?
check "piped answers: exit 0 (got $code)" '[ $code -eq 0 ]'
check "profile.yaml written by default" '[ -f profile.yaml ]'
check "stdout reports profile OK" 'grep -q "profile.yaml: profile OK" out.txt'
check "the misspelt skill got a suggestion" 'grep -q "did you mean '"'"'copywriting'"'"'?): kept as written" err.txt'
check "no follow-up question on a pipe" '! grep -q "Enter accepts" err.txt'
check "the misspelt skill is kept as written" 'grep -q "copywritting" profile.yaml'
check "the next answer reached its own question (the certificate)" 'grep -q "id: caip" profile.yaml'
check "the study hours theirs" 'grep -q "caip: 12" profile.yaml'
check "and the goal roles theirs" 'grep -q "roles: \[ai-content-creator, prompt-engineer\]" profile.yaml'
check "header comment" 'head -1 profile.yaml | grep -q "^# "'
check "no escape code on stdout or stderr" '! grep -q $'"'"'\x1b'"'"' out.txt err.txt'
"$advisor" profile validate profile.yaml >/dev/null 2>&1
check "profile validate passes" '[ $? -eq 0 ]'
"$advisor" --as-of 2026-11-23 recommend --profile profile.yaml >rec.txt 2>&1
check "recommend runs on it" '[ $? -eq 0 ] && grep -q . rec.txt'

cp profile.yaml before.yaml
printf '%s' "$answers" | "$advisor" profile init >out2.txt 2>err2.txt
code=$?
check "an existing file is refused with exit 2 (got $code)" '[ $code -eq 2 ]'
check "and says how to replace it" 'grep -q -- "--force" err2.txt'
check "the existing file is unchanged" 'cmp -s before.yaml profile.yaml'
check "nothing on stdout after the refusal" '[ ! -s out2.txt ]'

printf 'New Name\n40\nmaster\n\n\n\n\n\n' | "$advisor" --as-of 2026-11-23 profile init profile.yaml --force >/dev/null 2>&1
code=$?
check "--force replaces it (exit $code)" '[ $code -eq 0 ] && grep -q "name: New Name" profile.yaml'
check "no temporary file left beside it" '[ -z "$(ls -A | grep advisor-)" ]'

printf 'Only A Name\n' | "$advisor" profile init short.yaml >out3.txt 2>err3.txt
code=$?
check "input ending before a required answer: exit 2 (got $code)" '[ $code -eq 2 ]'
check "and says which answer is missing" 'grep -q "age or birth date" err3.txt'
check "and writes nothing" '[ ! -e short.yaml ]'

printf '\n30\nbachelor\n' | "$advisor" --as-of 2026-11-23 profile init no/such/dir/p.yaml >/dev/null 2>err4.txt
code=$?
check "an unwritable path: exit 66 (got $code)" '[ $code -eq 66 ]'

printf '\n30\nbachelor\n' | "$advisor" --as-of 2026-11-23 profile init - >stdout.yaml 2>err5.txt
code=$?
check "FILE - writes the profile to stdout (exit $code)" '[ $code -eq 0 ] && grep -q "^age: 30$" stdout.yaml'
check "and the report to stderr" 'grep -q "profile OK" err5.txt && ! grep -q "profile OK" stdout.yaml'
exit $fail
