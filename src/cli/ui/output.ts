/**
 * The only place that writes to the terminal. stdout carries results (and nothing else with --json);
 * stderr carries diagnostics, progress and errors.
 */
import { writeStderrLine } from '../../util/stderr';

export function out(line = ''): void {
  console.log(line);
}

export function err(line = ''): void {
  // Not console.error: on a terminal Bun paints everything console.error prints red, which would drown
  // warnings and hints. process.stderr is only touched when something is written (startup stays cheap).
  writeStderrLine(line);
}

let jsonPrinted = false;

/** Whether this process already printed its JSON result (then an error adds no second object). */
export function printedJson(): boolean {
  return jsonPrinted;
}

export function outJson(value: unknown): void {
  jsonPrinted = true;
  console.log(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v), 2));
}

/** 1234567 → "1.2 MB" (decimal units, as file managers show). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(v < 10 ? 2 : 1)} ${units[u]}`;
}

/** 1234567 → "1.23M" */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1e6) return `${(n / 1e3).toFixed(1)}k`;
  if (n < 1e9) return `${(n / 1e6).toFixed(2)}M`;
  return `${(n / 1e9).toFixed(2)}B`;
}

export function formatShape(shape: readonly (number | string)[] | null): string {
  return shape === null ? '?' : `[${shape.join(',')}]`;
}

/** Left-aligned columns. */
export function table(rows: string[][], indent = '  '): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(c))));
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - visibleLength(c)))).join('  ')).join('\n');
}

function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}
