import type { ValueKind } from './value-kinds';

/**
 * The small vocabulary every generated script dispatches on: `choices a b c`, `files`, `dirs`, `dynamic`
 * (ask `hodu __complete`), or '' (free text: nothing to offer).
 */
export function directiveOf(kind: ValueKind): string {
  switch (kind.kind) {
    case 'choices':
      return `choices ${kind.values.join(' ')}`;
    case 'files':
    case 'dirs':
    case 'dynamic':
      return kind.kind;
    case 'none':
      return '';
  }
}

export const HEADER_NOTE = 'generated from the command tree by `hodu completions SHELL` (scripts/gen-completions.ts); do not edit';

/**
 * The two lookup functions bash and zsh scripts share (the same POSIX-ish `case` text works in both):
 * `__hodu_value PATH FLAG` and `__hodu_positional PATH INDEX` print a directive. `values` and
 * `positionals` are the shell-specific `case` arms.
 */
export function lookupFunctions(values: string[], positionals: string[]): string {
  return `# Prints the directive for a flag value: "choices A B", files, dirs, dynamic, or nothing.
__hodu_value() {
  case "\${1:+$1 }$2" in
${values.join('\n')}
  esac
}

# Prints the directive for positional argument number $2 (from 0) of command path $1.
__hodu_positional() {
  case "\${1:+$1 }$2" in
${positionals.join('\n')}
  esac
}`;
}
