import { directiveOf, HEADER_NOTE } from './directive';
import { flattenTree, type CommandNode, type FlagSpec } from './tree';
import type { ValueKind } from './value-kinds';

/** A fish single-quoted word. */
const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const desc = (s: string) => q(s.replace(/\s+/g, ' '));

/** The `complete` options that make fish offer a value of this kind. */
function valueOptions(kind: ValueKind): string {
  switch (kind.kind) {
    case 'choices':
      return `-a ${q(kind.values.join(' '))}`;
    case 'files':
      return '-F';
    case 'dirs':
      return `-a '(__fish_complete_directories (commandline -ct))'`;
    case 'dynamic':
      return `-a '(__hodu_dynamic)'`;
    case 'none':
      return '';
  }
}

function flagLine(node: CommandNode, flag: FlagSpec): string {
  const names = flag.names.map((n) => (n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(' ');
  // -x: the value is exclusive (no file fallback); file values say -F themselves.
  const value = flag.takesValue ? ` ${flag.value.kind === 'files' ? '-r' : '-x'} ${valueOptions(flag.value)}`.trimEnd() : '';
  return `complete -c hodu -n ${q(`__hodu_at '${node.path.join(' ')}'`)} ${names}${value} -d ${desc(flag.description)}`;
}

/**
 * fish script: one `complete` line per subcommand, flag and positional, each guarded by a condition that
 * walks the tokens before the cursor like the dispatcher (so nested `plugin` subcommands work).
 */
export function generateFish(root: CommandNode): string {
  const nodes = flattenTree(root);
  const spec = nodes.map((n) =>
    [
      `        case ${q(n.path.join(' '))}`,
      `            set -g __hodu_subs ${n.subcommands.map((s) => s.name).join(' ')}`,
      `            set -g __hodu_valflags ${n.flags.filter((f) => f.takesValue).flatMap((f) => f.names).join(' ')}`,
    ].join('\n').replace(/ +$/gm, ''),
  );
  const lines: string[] = [];
  for (const n of nodes) {
    for (const s of n.subcommands) lines.push(`complete -c hodu -n ${q(`__hodu_sub '${n.path.join(' ')}'`)} -a ${s.name} -d ${desc(s.description)}`);
    for (const f of n.flags) lines.push(flagLine(n, f));
    n.positionals.forEach((p, i) => {
      if (directiveOf(p.value)) lines.push(`complete -c hodu -n ${q(`__hodu_pos '${n.path.join(' ')}' ${i}`)} ${valueOptions(p.value)}`);
    });
  }
  return `# fish completion for hodu — ${HEADER_NOTE}
# Install: hodu completions fish > ~/.config/fish/completions/hodu.fish

# Sets __hodu_subs and __hodu_valflags (value-taking flags) for a command path.
function __hodu_spec --argument-names p
    switch "$p"
${spec.join('\n')}
        case '*'
            set -g __hodu_subs
            set -g __hodu_valflags
    end
end

# Walks the tokens before the cursor like the dispatcher: sets __hodu_path, __hodu_npos (positionals
# seen) and __hodu_expect (a flag still waiting for its value).
function __hodu_walk
    set -g __hodu_path ''
    set -g __hodu_npos 0
    set -g __hodu_expect ''
    set -l ended 0
    __hodu_spec ''
    for w in (commandline -opc)[2..-1]
        if test -n "$__hodu_expect"
            set __hodu_expect ''
            continue
        end
        if test $ended = 0 -a "$w" = --
            set ended 1
            continue
        end
        if test $ended = 0; and string match -qr -- '^-.' $w
            if not string match -q -- '*=*' $w; and contains -- $w $__hodu_valflags
                set __hodu_expect $w
            end
            continue
        end
        if test $__hodu_npos = 0; and contains -- $w $__hodu_subs
            set __hodu_path (string trim -- "$__hodu_path $w")
            __hodu_spec $__hodu_path
        else
            set __hodu_npos (math $__hodu_npos + 1)
        end
    end
end

# True while completing a flag (or its value) of command path $p.
function __hodu_at --argument-names p
    __hodu_walk
    test "$__hodu_path" = "$p"
end

# True where a subcommand of command path $p can be typed.
function __hodu_sub --argument-names p
    __hodu_walk
    test "$__hodu_path" = "$p" -a "$__hodu_npos" = 0 -a -z "$__hodu_expect"
end

# True at positional argument number $n (from 0) of command path $p.
function __hodu_pos --argument-names p n
    __hodu_walk
    test "$__hodu_path" = "$p" -a "$__hodu_npos" = "$n" -a -z "$__hodu_expect"
end

# Candidates only hodu knows at TAB time (installed plugins, backends).
function __hodu_dynamic
    hodu __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null
end

complete -c hodu -e
complete -c hodu -f
${lines.join('\n')}
`;
}
