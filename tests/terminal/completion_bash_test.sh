#!/usr/bin/env bash
# The bash completion printed by `advisor completion bash`, loaded in bash and
# called the way bash calls it (COMP_WORDS/COMP_CWORD set, COMPREPLY read back).
# usage: completion_bash_test.sh ADVISOR REPO_ROOT
set -u
advisor=$(realpath "$1")
root=$(realpath "$2")
unset ADVISOR_CATALOG
script=$(mktemp)
trap 'rm -rf "$script" "$cat_dir"' EXIT
"$advisor" completion bash >"$script" || { echo "FAIL advisor completion bash"; exit 1; }
# shellcheck disable=SC1090
source "$script"
complete -p advisor >/dev/null || { echo "FAIL no completion registered for advisor"; exit 1; }
fail=0
# expect "WORDS..." "wanted candidates" ["unwanted candidate"]
expect() {
  read -r -a COMP_WORDS <<<"$1"
  [[ "$1" == *" " ]] && COMP_WORDS+=("")
  COMP_WORDS[0]=$advisor
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _advisor
  local got=" ${COMPREPLY[*]} " w ok=1
  for w in $2; do [[ "$got" == *" $w "* ]] || ok=0; done
  [[ -n "${3:-}" && "$got" == *" $3 "* ]] && ok=0
  if ((ok)); then echo "ok   '$1' -> $2"; else echo "FAIL '$1': wanted $2${3:+ and not $3}, got:$got"; fail=1; fi
}
expect "advisor ch" "check"
expect "advisor " "recommend check gap list show profile completion" "__man"
expect "advisor check --profile x aig" "aigc-application-engineer aigc-application-engineer/junior aigc-prompt-engineer" "caip"
expect "advisor check --profile x caie/" "caie/level-1 caie/level-2"
expect "advisor check --lang zh --profile x --explain ca" "caip caie"
expect "advisor check --ex" "--explain"
expect "advisor check --profile $root/profiles/cs" "$root/profiles/cs-graduate.yaml"
expect "advisor --lang " "zh en"
expect "advisor --color a" "auto always"
expect "advisor gap --profile x --role ai-solution-a" "ai-solution-architect"
expect "advisor list " "roles certificates skills"
expect "advisor list roles --category des" "design"
expect "advisor show skill pyt" "pytorch python"
expect "advisor show role ai-product-m" "ai-product-manager"
expect "advisor show certificate ca" "caip caie"
expect "advisor catalog " "validate test import"
expect "advisor profile " "validate init"
expect "advisor profile init --f" "--force"
expect "advisor completion " "bash zsh fish"
# Ids follow --catalog: a copy of the catalogue with one skill more.
cat_dir=$(mktemp -d)
cp "$root"/catalog/*.yaml "$cat_dir"/
echo '  - {id: pyxis-navigation, name: {zh: 星图导航, en: Pyxis navigation}, source: seed-003}' >>"$cat_dir"/skills.yaml
expect "advisor --catalog $cat_dir show skill pyx" "pyxis-navigation"
expect "advisor show skill pyx" "" "pyxis-navigation"
exit $fail
