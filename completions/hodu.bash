# bash completion for hodu (bash >= 4) — generated from the command tree by `hodu completions SHELL` (scripts/gen-completions.ts); do not edit
# Install: hodu completions bash > ~/.local/share/bash-completion/completions/hodu

# Sets subs, flags and valflags (value-taking flags, space-delimited) for a command path.
__hodu_spec() {
  case $1 in
    '')
      subs='run inspect build convert plugin cache config doctor self-update ops version completions'
      flags='--help -h --verbose --no-color --version -V'
      valflags='  ' ;;
    'run')
      subs=''
      flags='--input --output --output-dir --shape --dim --fill --random-inputs --seed --profile --profile-out --explain --max-memory --dry-run --benchmark --warmup --runs --duration --expect --rtol --atol --compare-backends --dump --dump-nodes --backend --device --threads --isolate --opt-level -O --json --help -h --verbose --no-color'
      valflags=' --input --output --output-dir --shape --dim --fill --seed --profile-out --max-memory --warmup --runs --duration --expect --rtol --atol --compare-backends --dump --dump-nodes --backend --device --threads --opt-level -O ' ;;
    'inspect')
      subs=''
      flags='--initializers --graph --output -o --node --shapes --dim --shape --stats --values --opt-level -O --json --help -h --verbose --no-color'
      valflags=' --graph --output -o --node --dim --shape --opt-level -O ' ;;
    'build')
      subs=''
      flags='--output -o --backend --shape --target --format --standalone --threads --cache --dry-run --opt-level -O --json --help -h --verbose --no-color'
      valflags=' --output -o --backend --shape --target --format --threads --opt-level -O ' ;;
    'convert')
      subs=''
      flags='--opset --opt-level -O --external-data --json --help -h --verbose --no-color'
      valflags=' --opset --opt-level -O ' ;;
    'plugin')
      subs='list info install rebuild remove disable enable new test'
      flags='--help -h --verbose --no-color'
      valflags='  ' ;;
    'plugin list')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'plugin info')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'plugin install')
      subs=''
      flags='--path --debug --force --quiet --json --help -h --verbose --no-color'
      valflags=' --path ' ;;
    'plugin rebuild')
      subs=''
      flags='--debug --quiet --json --help -h --verbose --no-color'
      valflags='  ' ;;
    'plugin remove')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'plugin disable')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'plugin enable')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'plugin new')
      subs=''
      flags='--type --lang --dir --json --help -h --verbose --no-color'
      valflags=' --type --lang --dir ' ;;
    'plugin test')
      subs=''
      flags='--debug --json --help -h --verbose --no-color'
      valflags='  ' ;;
    'cache')
      subs='status clean'
      flags='--help -h --verbose --no-color'
      valflags='  ' ;;
    'cache status')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'cache clean')
      subs=''
      flags='--all --older-than --model --dry-run --json --help -h --verbose --no-color'
      valflags=' --older-than --model ' ;;
    'config')
      subs='list get set unset path edit'
      flags='--help -h --verbose --no-color'
      valflags='  ' ;;
    'config list')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'config get')
      subs=''
      flags='--default --json --help -h --verbose --no-color'
      valflags='  ' ;;
    'config set')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'config unset')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'config path')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'config edit')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'doctor')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'self-update')
      subs=''
      flags='--check --version --channel --rollback --force --quiet --json --help -h --verbose --no-color'
      valflags=' --version --channel ' ;;
    'ops')
      subs=''
      flags='--backend --json --help -h --verbose --no-color'
      valflags=' --backend ' ;;
    'version')
      subs=''
      flags='--json --help -h --verbose --no-color'
      valflags='  ' ;;
    'completions')
      subs=''
      flags='--help -h --verbose --no-color'
      valflags='  ' ;;
    *) subs='' flags='' valflags=' ' ;;
  esac
}

# Prints the directive for a flag value: "choices A B", files, dirs, dynamic, or nothing.
__hodu_value() {
  case "${1:+$1 }$2" in
    'run --input') echo 'files' ;;
    'run --output') echo 'files' ;;
    'run --output-dir') echo 'dirs' ;;
    'run --shape') echo 'files' ;;
    'run --dim') echo 'files' ;;
    'run --fill') echo 'files' ;;
    'run --profile-out') echo 'files' ;;
    'run --expect') echo 'files' ;;
    'run --dump') echo 'dirs' ;;
    'run --backend') echo 'dynamic' ;;
    'run --device') echo 'dynamic' ;;
    'run --opt-level' | 'run -O') echo 'choices 0 1 2 3' ;;
    'inspect --graph') echo 'choices text dot svg' ;;
    'inspect --output' | 'inspect -o') echo 'files' ;;
    'inspect --dim') echo 'files' ;;
    'inspect --shape') echo 'files' ;;
    'inspect --opt-level' | 'inspect -O') echo 'choices 0 1 2 3' ;;
    'build --output' | 'build -o') echo 'files' ;;
    'build --backend') echo 'dynamic' ;;
    'build --shape') echo 'files' ;;
    'build --opt-level' | 'build -O') echo 'choices 0 1 2 3' ;;
    'convert --opt-level' | 'convert -O') echo 'choices 0 1 2 3' ;;
    'plugin install --path') echo 'dirs' ;;
    'plugin new --type') echo 'choices backend format' ;;
    'plugin new --lang') echo 'choices c ts' ;;
    'plugin new --dir') echo 'dirs' ;;
    'cache clean --model') echo 'files' ;;
    'ops --backend') echo 'dynamic' ;;
  esac
}

# Prints the directive for positional argument number $2 (from 0) of command path $1.
__hodu_positional() {
  case "${1:+$1 }$2" in
    'run 0') echo 'files' ;;
    'inspect 0') echo 'files' ;;
    'build 0') echo 'files' ;;
    'convert 0') echo 'files' ;;
    'convert 1') echo 'files' ;;
    'plugin info 0') echo 'dynamic' ;;
    'plugin rebuild 0') echo 'dynamic' ;;
    'plugin remove 0') echo 'dynamic' ;;
    'plugin disable 0') echo 'dynamic' ;;
    'plugin enable 0') echo 'dynamic' ;;
    'plugin test 0') echo 'dynamic' ;;
    'config get 0') echo 'choices log.level log.format log.file runtime.threads runtime.max_memory runtime.backend runtime.device cache.dir cache.enabled cache.max_size network.proxy network.timeout_ms registry.url update.channel update.url update.check_interval update.check' ;;
    'config set 0') echo 'choices log.level log.format log.file runtime.threads runtime.max_memory runtime.backend runtime.device cache.dir cache.enabled cache.max_size network.proxy network.timeout_ms registry.url update.channel update.url update.check_interval update.check' ;;
    'config unset 0') echo 'choices log.level log.format log.file runtime.threads runtime.max_memory runtime.backend runtime.device cache.dir cache.enabled cache.max_size network.proxy network.timeout_ms registry.url update.channel update.url update.check_interval update.check' ;;
    'completions 0') echo 'choices bash zsh fish powershell' ;;
  esac
}

_hodu() {
  local -a words=()
  local i w glue=0
  # Rejoin "--flag" "=" "value": bash splits words at '=' (COMP_WORDBREAKS).
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((glue)); then
      words[${#words[@]} - 1]+=$w
      glue=0
    elif [[ $w == = && ${#words[@]} -gt 0 && ${words[${#words[@]} - 1]} == --* && ${words[${#words[@]} - 1]} != *=* ]]; then
      words[${#words[@]} - 1]+='='
      glue=1
    else
      words+=("$w")
    fi
  done
  local cmdpath='' subs flags valflags expect='' ended=0 npos=0 n=${#words[@]}
  __hodu_spec ''
  for ((i = 0; i < n - 1; i++)); do
    w=${words[i]}
    if [[ -n $expect ]]; then expect=''; continue; fi
    if ((!ended)) && [[ $w == -- ]]; then ended=1; continue; fi
    if ((!ended)) && [[ $w == -?* ]]; then
      [[ $w != *=* && $valflags == *" $w "* ]] && expect=$w
      continue
    fi
    if ((npos == 0)) && [[ -n $subs && " $subs " == *" $w "* ]]; then
      cmdpath=${cmdpath:+$cmdpath }$w
      __hodu_spec "$cmdpath"
    else
      npos=$((npos + 1))
    fi
  done
  local cur=${words[n - 1]} directive=''
  if [[ -n $expect ]]; then
    directive=$(__hodu_value "$cmdpath" "$expect")
  elif ((!ended)) && [[ $cur == --*=* ]]; then
    directive=$(__hodu_value "$cmdpath" "${cur%%=*}")
    cur=${cur#*=}
  elif ((!ended)) && [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$flags" -- "$cur")
    return
  elif [[ -n $subs && $npos -eq 0 ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$subs" -- "$cur")
    return
  else
    directive=$(__hodu_positional "$cmdpath" "$npos")
  fi
  case $directive in
    choices\ *) mapfile -t COMPREPLY < <(compgen -W "${directive#choices }" -- "$cur") ;;
    files) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    dirs) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    dynamic) mapfile -t COMPREPLY < <(compgen -W "$(hodu __complete "${words[@]}" 2>/dev/null)" -- "$cur") ;;
    *) COMPREPLY=() ;;
  esac
}

complete -F _hodu hodu
