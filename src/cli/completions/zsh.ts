import { directiveOf, HEADER_NOTE, lookupFunctions } from './directive';
import { flattenTree, type CommandNode } from './tree';

/** A zsh single-quoted word. */
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** "name:description" as the script's offer helper splits it (the first colon separates). */
const entry = (name: string, description: string) => q(`${name}:${description.replace(/\s+/g, ' ')}`);

/**
 * zsh script (autoloadable from fpath as `_hodu`, or sourced after compinit). It walks `words` like the
 * dispatcher and offers candidates with plain `compadd` (descriptions via -d), so a test can capture
 * them by overriding compadd without a pseudo-terminal.
 */
export function generateZsh(root: CommandNode): string {
  const nodes = flattenTree(root);
  const spec = nodes.map((n) =>
    [
      `    (${q(n.path.join(' '))})`,
      `      subs=(${n.subcommands.map((s) => entry(s.name, s.description)).join(' ')})`,
      `      flags=(${n.flags.flatMap((f) => f.names.map((name) => entry(name, f.description))).join(' ')})`,
      `      valflags=(${n.flags.filter((f) => f.takesValue).flatMap((f) => f.names).join(' ')}) ;;`,
    ].join('\n'),
  );
  const values = nodes.flatMap((n) =>
    n.flags.filter((f) => f.takesValue && directiveOf(f.value)).map((f) => `    (${f.names.map((name) => q([...n.path, name].join(' '))).join('|')}) print -r -- ${q(directiveOf(f.value))} ;;`),
  );
  const positionals = nodes.flatMap((n) =>
    n.positionals.map((p, i) => [p, i] as const).filter(([p]) => directiveOf(p.value)).map(([p, i]) => `    (${q([...n.path, String(i)].join(' '))}) print -r -- ${q(directiveOf(p.value))} ;;`),
  );
  return `#compdef hodu
# zsh completion for hodu — ${HEADER_NOTE}
# Install: hodu completions zsh > ~/.zfunc/_hodu, with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc

# Sets subs and flags ("name:description" entries) and valflags (value-taking flags) for a command path.
__hodu_spec() {
  case $1 in
${spec.join('\n')}
    (*) subs=() flags=() valflags=() ;;
  esac
}

${lookupFunctions(values, positionals)}

# Offers "name:description" entries, one per line with aligned descriptions.
__hodu_offer() {
  local -a names shown
  local e
  integer width=0
  for e in "$@"; do (( \${#e%%:*} > width )) && width=\${#e%%:*}; done
  for e in "$@"; do
    names+=("\${e%%:*}")
    shown+=("\${(r:width:)\${e%%:*}}  -- \${e#*:}")
  done
  compadd -l -d shown -- "\${names[@]}"
}

_hodu() {
  local -a subs flags valflags subnames
  local cmdpath='' expect='' w cur directive
  integer i ended=0 npos=0
  __hodu_spec ''
  for ((i = 2; i < CURRENT; i++)); do
    w=\${words[i]}
    if [[ -n $expect ]]; then expect=''; continue; fi
    if (( !ended )) && [[ $w == -- ]]; then ended=1; continue; fi
    if (( !ended )) && [[ $w == -?* ]]; then
      [[ $w != *=* ]] && (( \${valflags[(Ie)$w]} )) && expect=$w
      continue
    fi
    subnames=(\${subs%%:*})
    if (( npos == 0 && \${subnames[(Ie)$w]} )); then
      cmdpath=\${cmdpath:+$cmdpath }$w
      __hodu_spec "$cmdpath"
    else
      (( npos++ ))
    fi
  done
  cur=\${words[CURRENT]}
  if [[ -n $expect ]]; then
    directive=$(__hodu_value "$cmdpath" "$expect")
  elif (( !ended )) && [[ $cur == --*=* ]]; then
    directive=$(__hodu_value "$cmdpath" "\${cur%%=*}")
    compset -P '*='
  elif (( !ended )) && [[ $cur == -* ]]; then
    __hodu_offer "\${flags[@]}"
    return
  elif (( \${#subs} && npos == 0 )); then
    __hodu_offer "\${subs[@]}"
    return
  else
    directive=$(__hodu_positional "$cmdpath" "$npos")
  fi
  case $directive in
    (choices\\ *) compadd -- \${=directive#choices } ;;
    (files) _files ;;
    (dirs) _files -/ ;;
    (dynamic) compadd -- \${(f)"$(hodu __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)"} ;;
  esac
}

# Autoloaded from fpath, this file is the body of _hodu: complete now. Sourced, register the function.
if [[ $funcstack[1] == _hodu ]]; then
  _hodu "$@"
else
  compdef _hodu hodu
fi
`;
}
