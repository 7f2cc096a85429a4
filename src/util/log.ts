/**
 * A leveled logger for diagnostics: to stderr (text or JSON lines) and optionally appended to a file, never
 * to stdout (which carries results and --json). Per-module levels (`HODU_LOG=warn,plugins=debug`). A
 * disabled call costs one comparison; pass a function to defer building an expensive message.
 *
 * Until `configureLogging` runs (commands call it with the resolved settings), the level comes from
 * HODU_LOG alone, so library code can log before any config is read.
 */
import { appendFileSync } from 'node:fs';
import { LOG_LEVELS, logLevelRank, type LogLevel } from './log-levels';
import { writeStderrLine } from './stderr';

type LogFields = Record<string, unknown>;
type Message = string | (() => string);

interface LogConfig {
  level: LogLevel;
  modules?: Record<string, LogLevel>;
  format?: 'text' | 'json';
  file?: string;
  /** Where stderr lines go (tests capture them); default: process.stderr (console.error is red on a TTY in Bun). */
  sink?: (line: string) => void;
}

interface Logger {
  error(msg: Message, fields?: LogFields): void;
  warn(msg: Message, fields?: LogFields): void;
  info(msg: Message, fields?: LogFields): void;
  debug(msg: Message, fields?: LogFields): void;
  trace(msg: Message, fields?: LogFields): void;
  enabled(level: LogLevel): boolean;
}

let config: LogConfig | undefined;
/** Bumped on every configure, so loggers recompute their cached threshold. */
let generation = 0;
/** A log file that could not be written: warned about once, then only stderr is used. */
let brokenFile: string | undefined;

/**
 * Applies resolved log settings (level, per-module levels, format, file). The log file is opened for
 * appending at once: a file that cannot be written is reported here, once, rather than only when (and if)
 * a line at an enabled level is logged.
 */
export function configureLogging(c: LogConfig): void {
  config = c;
  generation++;
  if (c.file) appendToFile(c, '');
}

function current(): LogConfig {
  if (config) return config;
  // Unconfigured: HODU_LOG's bare level and module pairs, silently ignoring what does not parse.
  const modules: Record<string, LogLevel> = {};
  let level: LogLevel = 'warn';
  for (const part of (process.env.HODU_LOG ?? '').split(',')) {
    const [a, b] = part.split('=').map((s) => s.trim().toLowerCase());
    if (b !== undefined && a && (LOG_LEVELS as readonly string[]).includes(b)) modules[a] = b as LogLevel;
    else if (a && (LOG_LEVELS as readonly string[]).includes(a)) level = a as LogLevel;
  }
  config = { level, modules };
  return config;
}

/** The level for a module: the longest matching module prefix (`plugins` covers `plugins.native`), else the base. */
function thresholdFor(module: string, c: LogConfig): number {
  let best: string | undefined;
  for (const m of Object.keys(c.modules ?? {})) {
    if ((module === m || module.startsWith(`${m}.`) || module.startsWith(`${m}/`)) && (!best || m.length > best.length)) best = m;
  }
  return logLevelRank(best ? c.modules![best]! : c.level);
}

/** Appends to the log file; on the first failure warns once on stderr and stops using the file. */
function appendToFile(c: LogConfig, text: string): void {
  if (!c.file || c.file === brokenFile) return;
  try {
    appendFileSync(c.file, text);
  } catch (e) {
    brokenFile = c.file;
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code;
    const msg = `cannot write log file ${c.file} (${why}); logging to stderr only. hint: fix or unset [log] file (\`hodu config set log.file PATH\` or \`hodu config unset log.file\`)`;
    const time = new Date().toISOString();
    (c.sink ?? writeStderr)(c.format === 'json' ? JSON.stringify({ time, level: 'warn', module: 'log', msg }) : `WARN  log: ${msg}`);
  }
}

function emit(module: string, level: LogLevel, msg: Message, fields: LogFields | undefined, c: LogConfig): void {
  const text = typeof msg === 'function' ? msg() : msg;
  const time = new Date().toISOString();
  const json = () => JSON.stringify({ time, level, module, msg: text, ...fields }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  const kv = fields ? Object.entries(fields).map(([k, v]) => ` ${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`).join('') : '';
  const plain = `${level.toUpperCase().padEnd(5)} ${module}: ${text}${kv}`;
  const line = c.format === 'json' ? json() : plain;
  (c.sink ?? writeStderr)(line);
  appendToFile(c, c.format === 'json' ? `${line}\n` : `${time} ${plain}\n`);
}

/** A logger for one module (e.g. "run", "plugins.native"). */
export function logger(module: string): Logger {
  let seen = -1;
  let threshold = 0;
  const at = (level: LogLevel) => {
    const rank = logLevelRank(level);
    return (msg: Message, fields?: LogFields) => {
      const c = current();
      if (seen !== generation) {
        threshold = thresholdFor(module, c);
        seen = generation;
      }
      if (rank <= threshold) emit(module, level, msg, fields, c);
    };
  };
  return {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    trace: at('trace'),
    enabled: (level) => logLevelRank(level) <= thresholdFor(module, current()),
  };
}

function writeStderr(line: string): void {
  writeStderrLine(line);
}
