import { ERROR_CODES } from '../errors';

/** Markers around the generated table in README.md (scripts/gen-error-table.ts rewrites what is between). */
const TABLE_BEGIN = '<!-- error-codes:begin (generated from src/errors.ts by `bun scripts/gen-error-table.ts`) -->';
const TABLE_END = '<!-- error-codes:end -->';

/** The README's table of error codes: code, exit status, meaning, default hint. */
function renderErrorTable(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = Object.entries(ERROR_CODES).map(([code, i]) => `| \`${code}\` | ${i.exit} | ${esc(i.doc)} | ${esc(i.hint)} |`);
  return ['| code | exit | meaning | default hint |', '|---|---|---|---|', ...rows].join('\n');
}

/** README text with the table between the markers replaced by a fresh one. */
export function withFreshErrorTable(readme: string): string {
  const a = readme.indexOf(TABLE_BEGIN);
  const b = readme.indexOf(TABLE_END);
  if (a < 0 || b < a) throw new Error('README.md has no error-code table markers');
  return `${readme.slice(0, a + TABLE_BEGIN.length)}\n${renderErrorTable()}\n${readme.slice(b)}`;
}
