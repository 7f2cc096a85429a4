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
