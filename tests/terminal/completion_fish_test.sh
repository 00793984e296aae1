#!/usr/bin/env bash
# The fish completion printed by `advisor completion fish`, sourced in fish and
# asked with `complete -C` what it offers.
# usage: completion_fish_test.sh ADVISOR
set -u
advisor=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$advisor" "$tmp/advisor"
"$advisor" completion fish >"$tmp/advisor.fish" || { echo "FAIL advisor completion fish"; exit 1; }
export PATH="$tmp:$PATH" HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
unset ADVISOR_CATALOG
fail=0
# expect "commandline" "wanted..." ["unwanted"]
expect() {
  local got
  got=" $(fish --no-config -c "source $tmp/advisor.fish; complete -C '$1'" 2>&1 | cut -f1 | tr '\n' ' ') "
  local w ok=1
  for w in $2; do [[ "$got" == *" $w "* ]] || ok=0; done
  [[ -n "${3:-}" && "$got" == *" $3 "* ]] && ok=0
  if ((ok)); then echo "ok   '$1' -> $2"; else echo "FAIL '$1': wanted $2${3:+ and not $3}, got:$got"; fail=1; fi
}
expect "advisor check --profile x aig" "aigc-application-engineer aigc-application-engineer/junior aigc-prompt-engineer" "caip"
expect "advisor ch" "check"
expect "advisor " "recommend check list profile completion" "__complete-ids"
expect "advisor --lang=z" "--lang=zh"
expect "advisor gap --role ai-solution-a" "ai-solution-architect"
expect "advisor show skill pyt" "pytorch python"
expect "advisor list roles --category des" "design"
expect "advisor profile " "validate init"
expect "advisor list roles --cat" "--category --catalog"
exit $fail
