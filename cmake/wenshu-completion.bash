# bash completion for wenshu. Commands and options are read from the program's own --help, so
# they are always those of the installed version.
_wenshu() {
  local cur=${COMP_WORDS[COMP_CWORD]} cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "--help --version --data" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$(wenshu --help 2>/dev/null | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1}')" -- "$cur"))
    fi
    return
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(wenshu "$cmd" --help 2>/dev/null | grep -o -E -- '(^|[ ,])--?[a-zA-Z][a-zA-Z0-9-]*' | tr -d ' ,' | sort -u)" -- "$cur"))
    return
  fi
  case ${COMP_WORDS[COMP_CWORD-1]} in
    --format) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
    --show) COMPREPLY=($(compgen -W "info all" -- "$cur")) ;;
    --lang) COMPREPLY=($(compgen -W "zh en both" -- "$cur")) ;;
    --as) COMPREPLY=($(compgen -W "pdf ofd both" -- "$cur")) ;;
    *) COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
}
complete -o filenames -F _wenshu wenshu
