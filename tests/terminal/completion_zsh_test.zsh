# The zsh completion printed by `advisor completion zsh`, installed as _advisor in
# a directory of $fpath of an interactive `zsh -f` run in a pseudo-terminal (zpty):
# compinit must bind it, and Tab after `advisor check --profile x aig` must list
# the certificate ids (which the script reads from the binary).
# usage: zsh -f completion_zsh_test.zsh ADVISOR
emulate -L zsh
advisor=${1:A}
tmp=$(mktemp -d)
trap 'rm -rf $tmp' EXIT
$advisor completion zsh > $tmp/_advisor || { print "FAIL advisor completion zsh"; exit 1 }
# It loads without error when sourced, and defines _advisor.
zsh -f -c "autoload -Uz compinit && compinit -u -d $tmp/dump && source $tmp/_advisor && (( \$+functions[_advisor] ))" \
  || { print "FAIL the script does not load in zsh -f"; exit 1 }
print "ok   loads in zsh -f and defines _advisor"

zmodload zsh/zpty || { print "FAIL no zsh/zpty"; exit 1 }
ln -s $advisor $tmp/advisor
zpty -b z "env -i HOME=$tmp ZDOTDIR=$tmp PATH=$tmp:/usr/bin:/bin TERM=dumb zsh -f -i"
zpty -w z "PS1='READY> '; fpath=($tmp \$fpath); autoload -Uz compinit; compinit -u -d $tmp/dump; unsetopt beep"
zpty -w z "print BOUND:\${_comps[advisor]}"
zpty -wn z $'advisor check --profile x aig\t'
sleep 0.5
zpty -wn z $'\t'
out=""
integer tries=0
while (( tries++ < 100 )); do
  if zpty -rt z line; then out+=$line; else sleep 0.1; fi
  [[ $out == *aigc-application-engineer/senior*aigc-prompt-engineer* || $out == *aigc-prompt-engineer*aigc-application-engineer/senior* ]] && break
done
zpty -d z
fail=0
if [[ $out == *BOUND:_advisor* ]]; then print "ok   compinit binds _advisor to advisor"; else print "FAIL _advisor not bound"; fail=1; fi
if [[ $out == *aigc-application-engineer/junior* && $out == *aigc-prompt-engineer* ]]; then
  print "ok   Tab lists the aigc certificate ids"
else
  print "FAIL Tab did not list the certificate ids; the terminal showed:"; print -r -- $out; fail=1
fi
if [[ $out == *caie/level-1* ]]; then print "FAIL ids not starting with aig were listed"; fail=1; fi
exit $fail
