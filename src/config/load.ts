/** Reading config.toml: TOML syntax (with line/column), then the schema (with the line of the bad key). */
import { existsSync, readFileSync } from 'node:fs';
import { HoduError } from '../errors';
import { configFile } from '../home';
import { didYouMean } from '../util/did-you-mean';
import { CONFIG_KEYS, SECTIONS, type HoduConfig } from './keys';
import { locateKey } from './locate';
import { validateConfig, type ConfigProblem } from './schema';

/** `$HODU_HOME/config.toml`. */
export function configPath(): string {
  return configFile();
}

interface ConfigFile {
  path: string;
  exists: boolean;
  text: string;
  /** The parsed TOML, unvalidated. */
  data: Record<string, unknown>;
}

/** Parses TOML text; a syntax error becomes E_CONFIG "PATH:LINE:COL: message". */
export async function parseConfigText(text: string, path: string): Promise<Record<string, unknown>> {
  return parseTomlWith((await import('@iarna/toml')).default, text, path);
}

function parseTomlWith(TOML: { parse(text: string): unknown }, text: string, path: string): Record<string, unknown> {
  try {
    return TOML.parse(text) as Record<string, unknown>;
  } catch (e) {
    const te = e as { line?: number; col?: number; message?: string; fromTOML?: boolean };
    if (!te.fromTOML) throw e;
    // iarna's message is "What went wrong at row R, col C, pos P:\n<code frame>"; keep the first part.
    const what = (te.message ?? 'invalid TOML').split('\n')[0]!.replace(/ at row \d+, col \d+, pos \d+:?$/, '');
    throw new HoduError('E_CONFIG', `${path}:${(te.line ?? 0) + 1}:${(te.col ?? 0) + 1}: ${what}`, {
      hint: `fix the TOML syntax in ${path} (\`hodu config edit\`)`,
    });
  }
}

/** Reads the file (a missing file is an empty config). Throws E_CONFIG on bad TOML, E_IO when unreadable. */
export async function readConfigFile(path = configPath()): Promise<ConfigFile> {
  if (!existsSync(path)) return { path, exists: false, text: '', data: {} };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new HoduError('E_IO', `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { hint: 'check its permissions' });
  }
  return { path, exists: true, text, data: await parseConfigText(text, path) };
}

/** One line per problem, each with the position of the key: "PATH:LINE:COL: message". */
export function configProblemsError(path: string, text: string, problems: ConfigProblem[]): HoduError {
  // In file order, so the first line (and the hint) is the first problem a reader meets.
  const located = problems
    .map((p) => ({ p, at: locateKey(text, p.key) }))
    .sort((a, b) => (a.at?.line ?? Infinity) - (b.at?.line ?? Infinity));
  const lines = located.map(({ p, at }) => `${path}${at ? `:${at.line}:${at.col}` : ''}: ${p.message}`);
  const first = located[0]!.p;
  let hint: string;
  if (first.unknown) {
    const known = first.key.includes('.') ? CONFIG_KEYS.map((k) => k.key) : SECTIONS;
    const guess = didYouMean(first.key, known);
    hint = `${guess ? `did you mean '${guess}'? ` : ''}remove it from ${path} (\`hodu config edit\`)${first.key.includes('.') ? ` or run \`hodu config unset ${first.key}\`` : ''}; \`hodu config list\` shows every key`;
  } else {
    hint = `fix it in ${path} (\`hodu config edit\`) or run \`hodu config unset ${first.key}\``;
  }
  return new HoduError('E_CONFIG', lines.join('\n  '), { hint });
}

/** The validated config (empty when there is no file). Throws E_CONFIG naming file, line, key and type. */
export async function loadConfig(path = configPath()): Promise<HoduConfig> {
  const file = await readConfigFile(path);
  const r = validateConfig(file.data);
  if (!r.ok) throw configProblemsError(path, file.text, r.problems);
  return r.config;
}

/**
 * loadConfig for synchronous callers (the compile cache's settings, read from inside library code that has
 * no Settings at hand): the same file, checks and errors.
 */
export function loadConfigSync(path = configPath()): HoduConfig {
  if (!existsSync(path)) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new HoduError('E_IO', `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { hint: 'check its permissions' });
  }
  // require, not import: this caller is synchronous (parseConfigText keeps the lazy import for the CLI).
  const r = validateConfig(parseTomlWith(require('@iarna/toml') as { parse(text: string): unknown }, text, path));
  if (!r.ok) throw configProblemsError(path, text, r.problems);
  return r.config;
}
