import { EMBEDDED_BACKENDS, EMBEDDED_FORMATS } from '../../embedded-plugins';
import { readInstalledNames } from './installed-names';
import type { CommandNode, FlagSpec } from './tree';
import type { DynamicSource, ValueKind } from './value-kinds';

/** What the word under the cursor is, once the words before it have been walked. */
type Slot =
  | { type: 'flag-name' }
  | { type: 'flag-value'; flag: FlagSpec }
  | { type: 'subcommand' }
  | { type: 'positional'; index: number };

interface Located {
  node: CommandNode;
  slot: Slot;
  /** The part of the current word being completed (after `=` for `--flag=value`). */
  prefix: string;
}

const findFlag = (node: CommandNode, name: string) => node.flags.find((f) => f.names.includes(name));

/**
 * Walks the words typed after `hodu` (the last one is the word being completed, possibly empty) the way
 * the dispatcher will: subcommand names descend the tree, a value flag eats the next word, `--` ends flags.
 * The generated shell scripts do the same walk in shell; tests keep them in agreement.
 */
export function locate(root: CommandNode, words: string[]): Located {
  const typed = words.length ? words : [''];
  let node = root;
  let positionals = 0;
  let pending: FlagSpec | undefined;
  let flagsEnded = false;
  for (const w of typed.slice(0, -1)) {
    if (pending) {
      pending = undefined;
      continue;
    }
    if (!flagsEnded && w === '--') {
      flagsEnded = true;
      continue;
    }
    if (!flagsEnded && w.startsWith('-') && w !== '-') {
      const flag = findFlag(node, w);
      if (flag?.takesValue && !w.includes('=')) pending = flag;
      continue;
    }
    const sub = positionals === 0 ? node.subcommands.find((s) => s.name === w) : undefined;
    if (sub) node = sub;
    else positionals++;
  }
  const cur = typed[typed.length - 1]!;
  if (pending) return { node, slot: { type: 'flag-value', flag: pending }, prefix: cur };
  if (!flagsEnded && cur.startsWith('--') && cur.includes('=')) {
    const flag = findFlag(node, cur.slice(0, cur.indexOf('=')));
    if (flag?.takesValue) return { node, slot: { type: 'flag-value', flag }, prefix: cur.slice(cur.indexOf('=') + 1) };
  }
  if (!flagsEnded && cur.startsWith('-')) return { node, slot: { type: 'flag-name' }, prefix: cur };
  if (node.subcommands.length && positionals === 0) return { node, slot: { type: 'subcommand' }, prefix: cur };
  return { node, slot: { type: 'positional', index: positionals }, prefix: cur };
}

/** Candidates of a dynamic source, read at TAB time (installed plugins change without regenerating scripts). */
function dynamicCandidates(source: DynamicSource): string[] {
  const installed = readInstalledNames();
  const backends = installed.filter((p) => p.type === 'backend');
  switch (source) {
    case 'backends':
      return unique([...EMBEDDED_BACKENDS, ...backends.map((p) => p.name)]);
    case 'devices':
      return unique(['cpu', ...backends.flatMap((p) => p.devices)]);
    case 'installed-plugins':
      return installed.map((p) => p.name);
    case 'plugins':
      return unique([...EMBEDDED_BACKENDS, ...EMBEDDED_FORMATS, ...installed.map((p) => p.name)]);
  }
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Static and dynamic candidates of a value kind; files and folders are left to the shell (empty here). */
function valueCandidates(kind: ValueKind): string[] {
  if (kind.kind === 'choices') return kind.values;
  if (kind.kind === 'dynamic') return dynamicCandidates(kind.source);
  return [];
}

/** Every candidate for the word under the cursor, filtered by what is typed so far. */
export function completeWords(root: CommandNode, words: string[]): string[] {
  const { node, slot, prefix } = locate(root, words);
  let all: string[];
  if (slot.type === 'flag-name') all = node.flags.flatMap((f) => f.names);
  else if (slot.type === 'flag-value') all = valueCandidates(slot.flag.value);
  else if (slot.type === 'subcommand') all = node.subcommands.map((s) => s.name);
  else {
    const p = node.positionals[slot.index];
    all = p ? valueCandidates(p.value) : [];
  }
  return all.filter((c) => c.startsWith(prefix));
}
