/**
 * The release build: compiles src/main.ts into one executable, dist/hodu (or --outfile), and prints its size.
 *   bun build.ts [--target bun-linux-arm64] [--outfile dist/hodu-linux-arm64] [--quiet]
 * --splitting keeps lazy `import()`s lazy in the binary (LIBRARIES.md: without it every Node built-in is
 * hoisted to startup); the autoload flags stop the binary from executing a user's .env or bunfig.toml.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = import.meta.dir;
const outfile = flag('--outfile') ?? join(root, 'dist', 'hodu');
const target = flag('--target');
const quiet = args.includes('--quiet');

function gitCommit(): string {
  const r = Bun.spawnSync(['git', 'rev-parse', '--short=12', 'HEAD'], { cwd: root, stderr: 'ignore' });
  const sha = r.exitCode === 0 ? r.stdout.toString().trim() : 'unknown';
  const dirty = Bun.spawnSync(['git', 'status', '--porcelain', '--untracked-files=no'], { cwd: root, stderr: 'ignore' }).stdout.toString().trim();
  return dirty ? `${sha}-dirty` : sha;
}

/** Worker files must be extra entrypoints of `bun build --compile` (LIBRARIES.md) to exist inside the binary. */
const EXTRA_ENTRYPOINTS = [join(root, 'src', 'backends', 'interp', 'parallel', 'gemm-worker.ts')];

const cmd = [
  process.execPath, 'build', '--compile', '--production', '--splitting', '--sourcemap',
  '--no-compile-autoload-dotenv', '--no-compile-autoload-bunfig',
  '--define', `HODU_BUILD_COMMIT=${JSON.stringify(gitCommit())}`,
  '--define', `HODU_BUILD_DATE=${JSON.stringify(new Date().toISOString().slice(0, 10))}`,
  ...(target ? ['--target', target] : []),
  join(root, 'src', 'main.ts'), ...EXTRA_ENTRYPOINTS, '--outfile', outfile,
];
const started = performance.now();
const r = Bun.spawnSync(cmd, { cwd: root, stdout: quiet ? 'ignore' : 'inherit', stderr: 'inherit' });
if (r.exitCode !== 0) {
  console.error(`build failed (exit ${r.exitCode})`);
  process.exit(1);
}
const size = statSync(outfile).size;
console.log(`built ${outfile} (${(size / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
