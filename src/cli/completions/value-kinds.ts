import type { ArgDef } from 'citty';
import { CONFIG_KEYS } from '../../config/keys';

/** Where the candidates of a dynamic slot come from (answered at TAB time by `hodu __complete`). */
export type DynamicSource = 'backends' | 'devices' | 'installed-plugins' | 'plugins';

/** What a flag value or positional argument completes to. */
export type ValueKind =
  | { kind: 'none' }
  | { kind: 'choices'; values: string[] }
  | { kind: 'files' }
  | { kind: 'dirs' }
  | { kind: 'dynamic'; source: DynamicSource };

const NONE: ValueKind = { kind: 'none' };
const dynamic = (source: DynamicSource): ValueKind => ({ kind: 'dynamic', source });

/**
 * Positionals whose candidates the command tree cannot express (a plugin name is only a string to citty).
 * Keyed by "command path:argument name"; a renamed argument simply falls back to the generic rules.
 */
const POSITIONAL_OVERRIDES: Record<string, ValueKind> = {
  'plugin remove:name': dynamic('installed-plugins'),
  'plugin rebuild:name': dynamic('installed-plugins'),
  'plugin disable:name': dynamic('installed-plugins'),
  'plugin enable:name': dynamic('installed-plugins'),
  'plugin test:target': dynamic('installed-plugins'),
  'plugin info:name': dynamic('plugins'),
  'config get:key': { kind: 'choices', values: CONFIG_KEYS.map((k) => k.key) },
  'config set:key': { kind: 'choices', values: CONFIG_KEYS.map((k) => k.key) },
  'config unset:key': { kind: 'choices', values: CONFIG_KEYS.map((k) => k.key) },
};

/** Flags that mean the same thing in every command that has them. */
const FLAG_RULES: Record<string, ValueKind> = {
  backend: dynamic('backends'),
  device: dynamic('devices'),
  'opt-level': { kind: 'choices', values: ['0', '1', '2', '3'] },
  O: { kind: 'choices', values: ['0', '1', '2', '3'] },
};

/** Positional names that are paths to existing files whatever the command. */
const FILE_POSITIONALS = new Set(['model', 'file', 'input', 'output', 'path', 'tensor', 'inputs']);

/** valueHint → kind: `a|b|c` lists the choices; file/dir hints complete paths. */
function fromValueHint(hint: string | undefined): ValueKind | undefined {
  if (!hint) return undefined;
  if (hint.includes('|')) return { kind: 'choices', values: hint.split('|').map((s) => s.trim()).filter(Boolean) };
  if (/^(dir|folder|directory)$/i.test(hint)) return { kind: 'dirs' };
  if (/^(file|path|spec)$/i.test(hint) || /file/i.test(hint)) return { kind: 'files' };
  return undefined;
}

/** The completion kind of one argument of the command at `path` (e.g. ['plugin', 'remove']). */
export function valueKindOf(path: string[], argName: string, def: ArgDef): ValueKind {
  if (def.type === 'boolean') return NONE;
  if (def.type === 'positional') {
    const override = POSITIONAL_OVERRIDES[`${path.join(' ')}:${argName}`];
    if (override) return override;
    return fromValueHint(def.valueHint) ?? (FILE_POSITIONALS.has(argName) ? { kind: 'files' } : NONE);
  }
  return FLAG_RULES[argName] ?? fromValueHint(def.valueHint) ?? NONE;
}
