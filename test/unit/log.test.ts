import { afterEach, describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureLogging, logger } from '../../src/util/log';

let lines: string[] = [];
const sink = (l: string) => lines.push(l);
afterEach(() => {
  lines = [];
  configureLogging({ level: 'warn' });
});

describe('logger', () => {
  test('levels: a logger at info prints error, warn, info', () => {
    configureLogging({ level: 'info', sink });
    const log = logger('run');
    log.error('e');
    log.warn('w');
    log.info('i');
    log.debug('d');
    log.trace('t');
    expect(lines).toEqual(['ERROR run: e', 'WARN  run: w', 'INFO  run: i']);
  });

  test('per-module levels match the module and its children, longest prefix wins', () => {
    configureLogging({ level: 'warn', modules: { plugins: 'debug', 'plugins.native': 'error' }, sink });
    logger('plugins').debug('a');
    logger('plugins.install').debug('b');
    logger('plugins.native').warn('c');
    logger('pluginsx').debug('d');
    logger('run').info('e');
    expect(lines).toEqual(['DEBUG plugins: a', 'DEBUG plugins.install: b']);
  });

  test('a disabled call does not build its message', () => {
    configureLogging({ level: 'warn', sink });
    let built = 0;
    logger('run').debug(() => `expensive ${++built}`);
    expect(built).toBe(0);
    configureLogging({ level: 'debug', sink });
    logger('run').debug(() => `expensive ${++built}`);
    expect(lines).toEqual(['DEBUG run: expensive 1']);
  });

  test('fields, JSON lines and the log file (appended, with time)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hodu-log-'));
    try {
      const file = join(dir, 'hodu.log');
      configureLogging({ level: 'info', format: 'text', file, sink });
      logger('run').info('chose backend', { backend: 'interp', threads: 2 });
      expect(lines).toEqual(['INFO  run: chose backend backend="interp" threads=2']);
      configureLogging({ level: 'info', format: 'json', file, sink });
      logger('run').info('done', { n: 1n });
      const json = JSON.parse(lines[1]!);
      expect([json.level, json.module, json.msg, json.n]).toEqual(['info', 'run', 'done', '1']);
      expect(typeof json.time).toBe('string');
      const fileLines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(fileLines).toHaveLength(2);
      expect(fileLines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO  run: chose backend backend="interp" threads=2$/);
      expect(JSON.parse(fileLines[1]!).msg).toBe('done');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('enabled() follows the configured level', () => {
    configureLogging({ level: 'error', modules: { run: 'trace' }, sink });
    expect(logger('run').enabled('trace')).toBe(true);
    expect(logger('other').enabled('warn')).toBe(false);
  });
});
