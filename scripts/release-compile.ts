/**
 * One `bun build --compile` of hodu, shared by the dev build and the release build (build.ts).
 * The flags are the measured ones: --splitting keeps lazy imports lazy, the autoload flags
 * stop the binary from executing a user's .env or bunfig.toml.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { buildEmbeddedCpu } from './embedded-cpu';

export interface CompileOptions {
  root: string;
  outfile: string;
  /** `bun-linux-arm64`, …; omitted = the host. */
  target?: string;
  /** A Bun runtime for `target` (cross-compiling offline instead of letting Bun download one). */
  executablePath?: string;
  /** Values for `--define NAME=<JSON>`; strings are JSON-quoted here. */
  defines: Record<string, string>;
  /** Entry points after src/main.ts (e.g. worker files), relative to root. */
  extraEntrypoints: string[];
  /** Stamp this version instead of package.json's (the build runs on a staged copy of the sources). */
  version?: string;
  quiet: boolean;
}

export function gitCommit(root: string): string {
  const r = Bun.spawnSync(['git', 'rev-parse', '--short=12', 'HEAD'], { cwd: root, stderr: 'ignore' });
  const sha = r.exitCode === 0 ? r.stdout.toString().trim() : 'unknown';
  const dirty = Bun.spawnSync(['git', 'status', '--porcelain', '--untracked-files=no'], { cwd: root, stderr: 'ignore' }).stdout.toString().trim();
  return dirty ? `${sha}-dirty` : sha;
}

export function packageVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Compiles and returns the binary's size; throws with Bun's exit code on failure. Bun writes the binary and,
 * with --splitting + --sourcemap, one hashed .map per chunk next to it; the build goes to a scratch folder
 * beside `outfile` and only the binary is moved into place (a rename: a failed build leaves the old binary,
 * and the maps of every earlier build do not pile up next to it — the binary embeds what it needs).
 */
export function compileHodu(o: CompileOptions): number {
  // src/version.ts reads the version from package.json; a different version is stamped by building a copy
  // of the sources next to a patched package.json (inside root, so node_modules still resolves). A build for
  // another target is staged too: its cpu library goes next to the staged sources, so the checkout's
  // dist/embedded/libhodu_cpu.so stays the host's (an arm64 build once overwrote it, and the host binary's
  // embedded-library tests then compared against an aarch64 file).
  const version = o.version ?? packageVersion(o.root);
  const stage = version !== packageVersion(o.root) || o.target ? stageSources(o.root, version) : undefined;
  const srcRoot = stage ?? o.root;
  mkdirSync(dirname(o.outfile), { recursive: true });
  const scratch = mkdtempSync(join(dirname(o.outfile), '.build-'));
  const built = join(scratch, basename(o.outfile));
  try {
    // The cpu backend's library for this target, next to the sources the import resolves from, and its checksum.
    const cpu = buildEmbeddedCpu({ root: o.root, outRoot: srcRoot, target: o.target, log: (line) => o.quiet || console.error(line) });
    const defines = { ...o.defines, HODU_EMBEDDED_CPU: cpu ? JSON.stringify(cpu) : '' };
    const cmd = [
      process.execPath, 'build', '--compile', '--production', '--splitting', '--sourcemap',
      '--no-compile-autoload-dotenv', '--no-compile-autoload-bunfig',
      ...Object.entries(defines).flatMap(([k, v]) => ['--define', `${k}=${JSON.stringify(v)}`]),
      ...(o.target ? ['--target', o.target] : []),
      ...(o.executablePath ? ['--compile-executable-path', o.executablePath] : []),
      join(srcRoot, 'src', 'main.ts'), ...o.extraEntrypoints.map((e) => join(srcRoot, e)),
      '--outfile', built,
    ];
    const r = Bun.spawnSync(cmd, { cwd: srcRoot, stdout: o.quiet ? 'ignore' : 'inherit', stderr: 'inherit' });
    if (r.exitCode !== 0) throw new Error(`bun build failed for ${o.target ?? 'the host'} (exit ${r.exitCode})`);
    renameSync(built, o.outfile);
    return statSync(o.outfile).size;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (stage) rmSync(stage, { recursive: true, force: true });
  }
}

/** Everything src/ imports (ffi headers, templates and backend-cpu's sources and package.json are embedded as text: `hodu build`). */
const STAGED = ['src', 'ffi', 'templates', 'plugins/backend-cpu/package.json', 'plugins/backend-cpu/src', 'tsconfig.json'];

function stageSources(root: string, version: string): string {
  mkdirSync(join(root, 'dist'), { recursive: true });
  const dir = mkdtempSync(join(root, 'dist', '.stage-'));
  for (const p of STAGED) cpSync(join(root, p), join(dir, p), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, version }, null, 2));
  if (relative(root, dir).startsWith('..')) throw new Error(`staging folder ${dir} must be inside ${root}`);
  return dir;
}
