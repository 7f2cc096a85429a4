/**
 * A C compiler's identity — resolved path and `--version` first line — part of every compile-cache key, for
 * `hodu build` (src/build) and `hodu plugin install` (src/plugins) alike.
 */
export interface CompilerIdentity {
  /** Resolved path of the compiler executable (the first word of the command that is not a wrapper flag). */
  path: string;
  /** First line of `--version`. */
  version: string;
}

const identities = new Map<string, CompilerIdentity>();

/** The compiler's resolved path and `--version` first line, once per process and command. */
export function compilerIdentity(cc: readonly string[]): CompilerIdentity {
  const key = cc.join('\0');
  const known = identities.get(key);
  if (known) return known;
  const path = Bun.which(cc[0]!) ?? cc[0]!;
  let version = '';
  try {
    const r = Bun.spawnSync([...cc, '--version'], { stdout: 'pipe', stderr: 'pipe' });
    version = `${r.stdout.toString()}${r.stderr.toString()}`.split('\n')[0]!.trim();
  } catch {
    version = 'unknown';
  }
  const id = { path: cc.length > 1 ? `${path} ${cc.slice(1).join(' ')}` : path, version };
  identities.set(key, id);
  return id;
}
