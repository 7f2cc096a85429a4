import type { ArgDef } from 'citty';
import { HoduError } from '../errors';
import { didYouMean } from '../util/did-you-mean';
import { GLOBAL_FLAGS } from './shared-args';

/**
 * One message style for every command-line mistake, so users and scripts see the same shape:
 * `unknown command 'X' for 'hodu plugin'`, `unknown option '--x' for 'hodu run'`,
 * `missing argument <MODEL> for 'hodu run'`, `missing option '--type' for 'hodu plugin new'`,
 * `missing command for 'hodu plugin'`; each with "did you mean" or the usage as the hint.
 */
export function usageError(message: string, hint?: string): HoduError {
  return new HoduError('E_USAGE', message, { hint });
}

/** `where` is the command path without `hodu`, e.g. ['plugin'] (empty for the top level). */
export function unknownCommand(where: string[], word: string, known: string[]): HoduError {
  const guess = didYouMean(word, known);
  const at = ['hodu', ...where].join(' ');
  return usageError(`unknown command '${word}' for '${at}'`, guess ? `did you mean '${at} ${guess}'?` : `run \`${at} --help\` for the list of commands`);
}

export function missingCommand(where: string[], known: string[]): HoduError {
  const at = ['hodu', ...where].join(' ');
  return usageError(`missing command for '${at}' (one of: ${known.join(', ')})`, `e.g. \`${at} ${known[0]}\`; run \`${at} --help\``);
}

/** Positional placeholders as help shows them: <MODEL>. */
function placeholder(name: string): string {
  return `<${name.toUpperCase()}>`;
}

/** citty accepts any flag and reports missing ones in its own words; hodu checks first, in one style. */
export function checkArgs(path: string[], defs: Record<string, ArgDef>, args: string[]): void {
  const at = `'hodu ${path.join(' ')}'`;
  const help = `run \`hodu ${path.join(' ')} --help\``;
  const known = new Set<string>(GLOBAL_FLAGS);
  /** A short alias (`-o`) → its option's definition, so its value is consumed like the long name's. */
  const aliasOf = new Map<string, ArgDef>();
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === 'positional') continue;
    known.add(name);
    const alias = 'alias' in def ? def.alias : undefined;
    for (const a of Array.isArray(alias) ? alias : alias ? [alias] : []) known.add(a), aliasOf.set(a, def);
  }
  const positionals = Object.entries(defs).filter(([, d]) => d.type === 'positional');
  const given = new Set<string>();
  let seenPositionals = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      seenPositionals += args.length - i - 1;
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      seenPositionals++;
      if (seenPositionals > positionals.length) throw usageError(`unexpected argument '${a}' for ${at}`, `usage: ${usage(path, defs)}; ${help}`);
      continue;
    }
    let flag = a.replace(/^-+/, '').split('=')[0]!;
    if (flag.startsWith('no-') && !known.has(flag)) flag = flag.slice(3);
    if (!known.has(flag)) {
      const guess = didYouMean(flag, [...known].filter((k) => k.length > 1));
      throw usageError(`unknown option '${a.split('=')[0]}' for ${at}`, guess ? `did you mean '--${guess}'?` : help);
    }
    given.add(flag);
    const def = defs[flag] ?? aliasOf.get(flag);
    if (def?.type === 'string' && !a.includes('=')) {
      // `--flag value`: the value must be there (a negative number counts as a value, another flag does not).
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && !/^-\d/.test(next))) {
        // Named as typed: `-O` is not `--O`.
        const typed = a.startsWith('--') ? `--${flag}` : `-${flag}`;
        throw usageError(`missing value for option '${typed}' of ${at}`, `e.g. ${typed} ${'valueHint' in def && def.valueHint ? `<${def.valueHint}>` : 'VALUE'}; ${help}`);
      }
      i++;
    }
  }
  const missing = positionals.filter(([, d]) => d.required !== false)[seenPositionals];
  if (missing) throw usageError(`missing argument ${placeholder(missing[0])} for ${at}`, `usage: ${usage(path, defs)}; ${help}`);
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === 'positional' || !def.required || given.has(name)) continue;
    const alias = 'alias' in def ? def.alias : undefined;
    if ((Array.isArray(alias) ? alias : alias ? [alias] : []).some((x) => given.has(x))) continue;
    throw usageError(`missing option '--${name}' for ${at}`, `e.g. --${name} ${'valueHint' in def && def.valueHint ? `<${def.valueHint}>` : 'VALUE'}; ${help}`);
  }
}

/** `hodu run <MODEL> [options]`, the same line --help shows. */
function usage(path: string[], defs: Record<string, ArgDef>): string {
  const pos = Object.entries(defs).filter(([, d]) => d.type === 'positional');
  const words = pos.map(([n, d]) => (d.required === false ? `[${n.toUpperCase()}]` : placeholder(n)));
  return ['hodu', ...path, ...words, pos.length < Object.keys(defs).length ? '[options]' : ''].filter(Boolean).join(' ');
}

/**
 * `--flag -1` handed to citty as `--flag=-1`: citty reads a value that starts with '-' as a flag of its own
 * (`-1` set to true) and leaves the option empty, so `--warmup -1` was refused as "got ''" and `--threads -1`
 * as having no value. checkArgs takes a negative number after a string option as its value; this passes it on
 * in the form citty reads. A short alias is written as its long name.
 */
export function joinNegativeValues(defs: Record<string, ArgDef>, args: string[]): string[] {
  const byName = new Map<string, string>();
  for (const [name, def] of Object.entries(defs)) {
    if (def.type !== 'string') continue;
    byName.set(name, name);
    const alias = 'alias' in def ? def.alias : undefined;
    for (const a of Array.isArray(alias) ? alias : alias ? [alias] : []) byName.set(a, name);
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return [...out, ...args.slice(i)];
    const name = a.startsWith('-') && !a.includes('=') ? byName.get(a.replace(/^-+/, '')) : undefined;
    const next = args[i + 1];
    if (name && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * String options that may also be given bare (`bare`: option name → the value a bare one means), such as
 * `inspect --graph`, which was a boolean before it took a format and still means `--graph text` alone. The
 * word after the option is its value only when it is one of the option's choices (its valueHint `a|b|c`), so
 * `hodu inspect --graph model.onnx` still reads model.onnx as the model. Rewritten to `--opt=value` for
 * checkArgs and citty.
 */
export function fillBareValues(defs: Record<string, ArgDef>, bare: Record<string, string> | undefined, args: string[]): string[] {
  if (!bare) return args;
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return [...out, ...args.slice(i)];
    const name = a.startsWith('--') ? a.slice(2) : undefined;
    const fallback = name === undefined ? undefined : bare[name];
    if (fallback === undefined) {
      out.push(a);
      continue;
    }
    const def = defs[name!];
    const hint = def && 'valueHint' in def ? def.valueHint : undefined;
    const choices = hint?.includes('|') ? hint.split('|') : [];
    const next = args[i + 1];
    if (next !== undefined && choices.includes(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(`--${name}=${fallback}`);
  }
  return out;
}
