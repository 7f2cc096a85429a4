import { directiveOf, HEADER_NOTE, lookupFunctions } from './directive';
import { flattenTree, type CommandNode } from './tree';

const key = (node: CommandNode) => `'${node.path.join(' ')}'`;

/** bash script: a spec table per command path, and one function that walks COMP_WORDS like the dispatcher. */
export function generateBash(root: CommandNode): string {
  const nodes = flattenTree(root);
  const spec = nodes.map((n) => {
    const valueFlags = n.flags.filter((f) => f.takesValue).flatMap((f) => f.names);
    return [
      `    ${key(n)})`,
      `      subs='${n.subcommands.map((s) => s.name).join(' ')}'`,
      `      flags='${n.flags.flatMap((f) => f.names).join(' ')}'`,
      `      valflags=' ${valueFlags.join(' ')} ' ;;`,
    ].join('\n');
  });
  const values = nodes.flatMap((n) =>
    n.flags.filter((f) => f.takesValue && directiveOf(f.value)).map((f) => `    ${f.names.map((name) => `'${[...n.path, name].join(' ')}'`).join(' | ')}) echo '${directiveOf(f.value)}' ;;`),
  );
  const positionals = nodes.flatMap((n) =>
    n.positionals.map((p, i) => [p, i] as const).filter(([p]) => directiveOf(p.value)).map(([p, i]) => `    '${[...n.path, String(i)].join(' ')}') echo '${directiveOf(p.value)}' ;;`),
  );
  return `# bash completion for hodu (bash >= 4) — ${HEADER_NOTE}
# Install: hodu completions bash > ~/.local/share/bash-completion/completions/hodu

# Sets subs, flags and valflags (value-taking flags, space-delimited) for a command path.
__hodu_spec() {
  case $1 in
${spec.join('\n')}
    *) subs='' flags='' valflags=' ' ;;
  esac
}

${lookupFunctions(values, positionals)}

_hodu() {
  local -a words=()
  local i w glue=0
  # Rejoin "--flag" "=" "value": bash splits words at '=' (COMP_WORDBREAKS).
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    if ((glue)); then
      words[\${#words[@]} - 1]+=$w
      glue=0
    elif [[ $w == = && \${#words[@]} -gt 0 && \${words[\${#words[@]} - 1]} == --* && \${words[\${#words[@]} - 1]} != *=* ]]; then
      words[\${#words[@]} - 1]+='='
      glue=1
    else
      words+=("$w")
    fi
  done
  local cmdpath='' subs flags valflags expect='' ended=0 npos=0 n=\${#words[@]}
  __hodu_spec ''
  for ((i = 0; i < n - 1; i++)); do
    w=\${words[i]}
    if [[ -n $expect ]]; then expect=''; continue; fi
    if ((!ended)) && [[ $w == -- ]]; then ended=1; continue; fi
    if ((!ended)) && [[ $w == -?* ]]; then
      [[ $w != *=* && $valflags == *" $w "* ]] && expect=$w
      continue
    fi
    if ((npos == 0)) && [[ -n $subs && " $subs " == *" $w "* ]]; then
      cmdpath=\${cmdpath:+$cmdpath }$w
      __hodu_spec "$cmdpath"
    else
      npos=$((npos + 1))
    fi
  done
  local cur=\${words[n - 1]} directive=''
  if [[ -n $expect ]]; then
    directive=$(__hodu_value "$cmdpath" "$expect")
  elif ((!ended)) && [[ $cur == --*=* ]]; then
    directive=$(__hodu_value "$cmdpath" "\${cur%%=*}")
    cur=\${cur#*=}
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
    choices\\ *) mapfile -t COMPREPLY < <(compgen -W "\${directive#choices }" -- "$cur") ;;
    files) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    dirs) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    dynamic) mapfile -t COMPREPLY < <(compgen -W "$(hodu __complete "\${words[@]}" 2>/dev/null)" -- "$cur") ;;
    *) COMPREPLY=() ;;
  esac
}

complete -F _hodu hodu
`;
}
