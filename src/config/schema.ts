/** The valibot schema of config.toml, built from the key table so that validation and docs cannot drift. */
import * as v from 'valibot';
import { parseByteSize } from '../util/bytes-size';
import { parseDuration } from './duration';
import { CONFIG_KEYS, SECTIONS, findConfigKey, expectedText, type ConfigKey, type HoduConfig } from './keys';

function valueSchema(k: ConfigKey): v.GenericSchema {
  switch (k.kind) {
    case 'enum':
      return v.picklist(k.values as string[]);
    case 'string':
    case 'path':
      return v.pipe(v.string(), v.minLength(1));
    case 'url':
      return v.pipe(v.string(), v.url());
    case 'integer':
      return v.pipe(v.number(), v.integer(), v.minValue(k.min));
    case 'size':
      return v.union([
        v.pipe(v.number(), v.integer(), v.minValue(0)),
        v.pipe(v.string(), v.check((s) => parseByteSize(s) !== undefined)),
      ]);
    case 'duration':
      return v.pipe(v.string(), v.check((s) => parseDuration(s) !== undefined));
    case 'boolean':
      return v.boolean();
  }
}

let cached: v.GenericSchema | undefined;

function configSchema(): v.GenericSchema {
  if (cached) return cached;
  const sections: Record<string, v.GenericSchema> = {};
  for (const section of SECTIONS) {
    const entries: Record<string, v.GenericSchema> = {};
    for (const k of CONFIG_KEYS.filter((c) => c.key.startsWith(`${section}.`))) entries[k.key.slice(section.length + 1)] = v.optional(valueSchema(k));
    sections[section] = v.optional(v.strictObject(entries));
  }
  cached = v.strictObject(sections);
  return cached;
}

/** One problem in a config object: the dotted key and what is wrong with it. */
export interface ConfigProblem {
  key: string;
  message: string;
  /** Set for unknown keys and sections, so the CLI can suggest `hodu config unset KEY`. */
  unknown: boolean;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}" (string)`;
  if (typeof value === 'bigint') return `${value} (integer too large)`;
  if (value instanceof Date) return `${value.toISOString()} (datetime)`;
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'a table';
  return `${String(value)} (${typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'float') : typeof value})`;
}

function valueAt(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur;
}

/** Validates a parsed config; returns the typed config or every problem found (one per key). */
export function validateConfig(data: unknown): { ok: true; config: HoduConfig } | { ok: false; problems: ConfigProblem[] } {
  const r = v.safeParse(configSchema(), data);
  if (r.success) return { ok: true, config: r.output as HoduConfig };
  const problems = new Map<string, ConfigProblem>();
  for (const issue of r.issues) {
    const key = v.getDotPath(issue) ?? '';
    if (problems.has(key)) continue;
    const path = key.split('.');
    if (issue.type === 'strict_object' && issue.expected === 'never') {
      problems.set(key, { key, unknown: true, message: path.length === 1 ? `unknown section [${key}]` : `unknown key '${key}'` });
      continue;
    }
    const known = findConfigKey(key);
    const got = describeValue(valueAt(data, path));
    const expected = known ? expectedText(known) : SECTIONS.includes(key) ? `a table ([${key}])` : 'a table';
    problems.set(key, { key, unknown: false, message: `'${key}' must be ${expected}, got ${got}` });
  }
  return { ok: false, problems: [...problems.values()] };
}
