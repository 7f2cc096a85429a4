/**
 * `hodu config set/unset`: change one key while keeping the rest of the file as the user wrote it. Simple
 * `key = value` lines inside `[section]` are edited line-wise (comments and layout survive); anything the
 * line editor cannot handle safely (inline tables, dotted keys, multi-line values) falls back to
 * re-serializing the whole file, and the caller says so.
 */
import { HoduError } from '../errors';
import { didYouMean } from '../util/did-you-mean';
import { CONFIG_KEYS, findConfigKey, type ConfigKey } from './keys';
import { scanKeyLines } from './locate';
import { parseConfigText } from './load';
import { validateConfig, type ConfigProblem } from './schema';

/** A key that `set` accepts; unknown keys are a usage error with a suggestion. */
export function requireConfigKey(key: string): ConfigKey {
  const k = findConfigKey(key);
  if (k) return k;
  const guess = didYouMean(key, CONFIG_KEYS.map((c) => c.key));
  throw new HoduError('E_USAGE', `unknown config key '${key}'`, {
    hint: `${guess ? `did you mean '${guess}'? ` : ''}\`hodu config list\` shows every key`,
  });
}

/** The typed value for a string from the command line: numbers, booleans and sizes are coerced. */
export function coerceConfigValue(k: ConfigKey, raw: string): unknown {
  const s = raw.trim();
  if (k.kind === 'integer' && /^-?\d+$/.test(s)) return Number(s);
  if (k.kind === 'size' && /^\d+$/.test(s)) return Number(s);
  if (k.kind === 'boolean') {
    if (/^(true|yes|on|1)$/i.test(s)) return true;
    if (/^(false|no|off|0)$/i.test(s)) return false;
  }
  return raw;
}

/** TOML text for a scalar (JSON string escapes are valid TOML basic-string escapes). */
export function tomlScalar(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

// A single-line scalar value, optionally followed by a comment.
const SIMPLE_VALUE = String.raw`("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#"'\[{][^#]*?)`;

function simpleLine(line: string): RegExpExecArray | null {
  return new RegExp(String.raw`^(\s*[^=]+?\s*=\s*)${SIMPLE_VALUE}(\s*(?:#.*)?)$`).exec(line);
}

/** Line-wise set; undefined when the file's shape needs the re-serializing fallback. */
export function setInText(text: string, key: string, value: unknown): string | undefined {
  const [section, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  const lines = text.split('\n');
  const scanned = scanKeyLines(text);
  const hits = scanned.filter((l) => l.path === key);
  if (hits.length > 1) return undefined;
  if (hits.length === 1) {
    const m = simpleLine(lines[hits[0]!.index]!.replace(/\r$/, ''));
    if (!m) return undefined;
    lines[hits[0]!.index] = `${m[1]}${tomlScalar(value)}${m[3]}`;
    return lines.join('\n');
  }
  const headers = scanned.filter((l) => l.kind === 'header' && l.path === section);
  // The section written another way (`runtime.threads = 1` at top level, inline table, subtables).
  if (headers.length > 1 || scanned.some((l) => l.kind === 'key' && (l.path === section || (l.path.startsWith(`${section}.`) && !inSectionOf(scanned, l, section))))) return undefined;
  const entry = `${name} = ${tomlScalar(value)}`;
  if (headers.length === 0) {
    const body = text.replace(/\n*$/, '');
    return `${body}${body ? '\n\n' : ''}[${section}]\n${entry}\n`;
  }
  const header = headers[0]!;
  const next = scanned.find((l) => l.kind === 'header' && l.index > header.index);
  const keysInSection = scanned.filter((l) => l.kind === 'key' && l.index > header.index && (!next || l.index < next.index));
  const at = (keysInSection.at(-1) ?? header).index + 1;
  lines.splice(at, 0, entry);
  return lines.join('\n');
}

/** Whether a key line sits under the `[section]` header (rather than being written as a dotted key elsewhere). */
function inSectionOf(scanned: ReturnType<typeof scanKeyLines>, line: ReturnType<typeof scanKeyLines>[number], section: string): boolean {
  const header = [...scanned].reverse().find((l) => l.kind === 'header' && l.index < line.index);
  return header?.path === section;
}

const isComment = (line: string | undefined) => line !== undefined && /^\s*#/.test(line);
const isBlank = (line: string | undefined) => line !== undefined && line.trim() === '';

/** Index of the first line of the comment block directly above `index` (no blank line between). */
function attachedCommentsStart(lines: string[], index: number): number {
  let start = index;
  while (start > 0 && isComment(lines[start - 1])) start--;
  return start;
}

/**
 * Line-wise unset; the text unchanged when the key is not there; undefined when it needs the fallback.
 * The comment lines directly above the key go with it (they describe it, as in Cargo's toml_edit), and a
 * `[section]` left with no keys and no other comments goes too, so no empty table is left behind.
 */
export function unsetInText(text: string, key: string): string | undefined {
  const hits = scanKeyLines(text).filter((l) => l.path === key);
  if (hits.length === 0) return scanKeyLines(text).some((l) => key.startsWith(`${l.path}.`) && l.kind === 'key') ? undefined : text;
  if (hits.length > 1 || hits[0]!.kind !== 'key') return undefined;
  const lines = text.split('\n');
  const index = hits[0]!.index;
  if (!simpleLine(lines[index]!.replace(/\r$/, ''))) return undefined;
  const start = attachedCommentsStart(lines, index);
  lines.splice(start, index - start + 1);
  return dropEmptySection(lines, key.slice(0, key.indexOf('.'))).join('\n');
}

/** Removes `[section]` (with its attached comments) when nothing but blank lines is left under it. */
function dropEmptySection(lines: string[], section: string): string[] {
  const scanned = scanKeyLines(lines.join('\n'));
  const headers = scanned.filter((l) => l.kind === 'header' && l.path === section);
  if (headers.length !== 1) return lines;
  const header = headers[0]!.index;
  const next = scanned.find((l) => l.kind === 'header' && l.index > header)?.index ?? lines.length;
  if (!lines.slice(header + 1, next).every(isBlank)) return lines;
  // Comments at the very top of the file describe the file, not its first table: they stay.
  const comments = attachedCommentsStart(lines, header);
  const start = comments === 0 ? header : comments;
  const out = [...lines.slice(0, start), ...lines.slice(next)];
  // One blank line at most where the section was, none at the top, and the final newline kept.
  if (isBlank(out[start - 1]) && isBlank(out[start])) out.splice(start, 1);
  while (out.length > 1 && isBlank(out[0])) out.shift();
  if (lines.at(-1) === '' && out.at(-1) !== '') out.push('');
  while (out.length > 1 && isBlank(out.at(-1)) && isBlank(out.at(-2))) out.pop();
  return out;
}

/** JSON with sorted keys: compares parsed TOML regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

function withoutEmptyTables(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => !(v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && Object.keys(v).length === 0)));
}

function withChange(data: Record<string, unknown>, key: string, value: unknown | undefined): Record<string, unknown> {
  const copy = JSON.parse(canonical(data)) as Record<string, Record<string, unknown>>;
  const [section, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  if (value === undefined) {
    if (copy[section] && typeof copy[section] === 'object') {
      delete copy[section][name];
      if (Object.keys(copy[section]).length === 0) delete copy[section];
    }
  } else {
    if (!copy[section] || typeof copy[section] !== 'object') copy[section] = {};
    copy[section][name] = value;
  }
  return copy;
}

interface EditResult {
  text: string;
  /** True when the file had to be re-serialized (comments and layout lost). */
  rewritten: boolean;
  /** Problems left in the file that are not about the edited key (the file was already invalid). */
  otherProblems: ConfigProblem[];
  changed: boolean;
}

/**
 * Applies `key = value` (or removes the key when value is undefined) to the config text, validating the
 * result. Throws E_CONFIG when the new value itself is invalid.
 */
export async function editConfigText(text: string, path: string, key: string, value: unknown | undefined): Promise<EditResult> {
  const data = await parseConfigText(text, path);
  const expected = withChange(data, key, value);
  const check = validateConfig(expected);
  const own = check.ok ? undefined : check.problems.find((p) => p.key === key || p.key.startsWith(`${key}.`) || key.startsWith(`${p.key}.`));
  if (own && value !== undefined) {
    const k = findConfigKey(key);
    const example = k && (k.kind === 'enum' ? k.values[0] : k.default);
    throw new HoduError('E_CONFIG_VALUE', own.message, {
      hint: example !== undefined ? `e.g. \`hodu config set ${key} ${String(example)}\`` : '`hodu config list` shows every key with its default',
    });
  }
  const otherProblems = check.ok ? [] : check.problems.filter((p) => p !== own);
  let next = value === undefined ? unsetInText(text, key) : setInText(text, key, value);
  let rewritten = false;
  if (next !== undefined) {
    // Trust the line edit only if it parses to exactly the intended data.
    // An empty [section] kept for the comments in it is the same data as no section.
    const parsed = await parseConfigText(next, path).catch(() => undefined);
    if (!parsed || canonical(withoutEmptyTables(parsed)) !== canonical(withoutEmptyTables(expected))) next = undefined;
  }
  if (next === undefined) {
    const TOML = (await import('@iarna/toml')).default;
    next = TOML.stringify(JSON.parse(canonical(expected)) as Parameters<typeof TOML.stringify>[0]);
    rewritten = true;
  }
  return { text: next, rewritten, otherProblems, changed: next !== text };
}
