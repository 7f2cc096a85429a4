/**
 * The build: compiles src/main.ts into one executable, dist/hodu (or --outfile), and prints its size.
 *   bun build.ts [--target bun-linux-arm64] [--outfile dist/hodu-linux-arm64] [--quiet]
 * --splitting keeps lazy `import()`s lazy in the binary (measured: without it every Node built-in is
 * hoisted to startup); the autoload flags stop the binary from executing a user's .env or bunfig.toml.
 *
 * The release build (scripts/release-build.ts: per-platform binaries, SHA256SUMS, signed manifest, install.sh):
 *   HODU_RELEASE_KEY=… bun build.ts --release [--version V] [--channel stable] [--out dist/release]
 *     [--base-url https://…] [--targets linux-x64,linux-arm64,…] [--runtimes DIR] [--skip-missing] [--quiet]
 *   HODU_RELEASE_KEY=… bun build.ts --print-public-key     (the value for RELEASE_PUBLIC_KEY)
 */
import { join } from 'node:path';
import { buildRelease } from './scripts/release-build';
import { compileHodu, gitCommit, packageVersion } from './scripts/release-compile';
import { parseReleaseKey, publicKeyBase64 } from './scripts/release-sign';
import { selectTargets } from './scripts/release-targets';

/** Entry points compiled into the binary besides src/main.ts (e.g. Worker files), relative to this folder. */
export const EXTRA_ENTRYPOINTS: string[] = ['src/backends/interp/parallel/gemm-worker.ts', 'src/backends/interp/worker/session-worker.ts'];

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = import.meta.dir;
const quiet = args.includes('--quiet');

function fail(message: string): never {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

function releaseKey(): string {
  const key = process.env.HODU_RELEASE_KEY;
  if (!key) fail('HODU_RELEASE_KEY is not set (an Ed25519 private key: PKCS8 PEM, or base64 of the raw 32 bytes)');
  return key;
}

const started = performance.now();
if (args.includes('--print-public-key')) {
  console.log(publicKeyBase64(parseReleaseKey(releaseKey())));
} else if (args.includes('--release')) {
  try {
    const version = flag('--version') ?? packageVersion(root);
    const outDir = flag('--out') ?? join(root, 'dist', 'release');
    const r = buildRelease({
      root,
      version,
      channel: flag('--channel') ?? 'stable',
      outDir,
      baseUrl: flag('--base-url'),
      targets: selectTargets(flag('--targets')),
      runtimesDir: flag('--runtimes') ?? process.env.HODU_BUN_RUNTIMES ?? join(root, 'dist', '.bun-runtimes'),
      keyText: releaseKey(),
      commit: gitCommit(root),
      date: process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : new Date().toISOString(),
      extraEntrypoints: EXTRA_ENTRYPOINTS,
      skipMissing: args.includes('--skip-missing'),
      log: (line) => quiet || console.error(line),
      quiet,
    });
    const skipped = r.skipped.length ? `; skipped ${r.skipped.map((s) => s.platform).join(', ')}` : '';
    console.log(`released hodu ${version} to ${outDir}: ${r.built.map((b) => b.platform).join(', ')}${skipped} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    fail((e as Error).message);
  }
} else {
  const outfile = flag('--outfile') ?? join(root, 'dist', 'hodu');
  const target = flag('--target');
  const defines = {
    HODU_BUILD_COMMIT: gitCommit(root),
    HODU_BUILD_DATE: new Date().toISOString().slice(0, 10),
  };
  let size = 0;
  try {
    size = compileHodu({ root, outfile, target, defines, extraEntrypoints: EXTRA_ENTRYPOINTS, quiet });
  } catch (e) {
    fail((e as Error).message);
  }
  console.log(`built ${outfile} (${(size / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
