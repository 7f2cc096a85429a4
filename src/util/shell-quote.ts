/**
 * POSIX shell quoting for commands hodu prints (e.g. a failed build), so a user can paste them as is:
 * plain words stay bare, anything else is single-quoted (a `'` inside becomes `'\''`).
 */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./^-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A whole argv as one pasteable line. */
export function shellJoin(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
