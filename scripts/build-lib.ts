/**
 * The npm package's library build (`npm pack` runs it as `prepack`; docs/library.md):
 *   bun scripts/build-lib.ts [--out dist/lib]
 * src/lib/index.ts (`import { loadModel, run } from 'hodu'`) and src/lib/ort-backend.ts
 * (`import 'hodu/ort-backend'`) are bundled for Node (ESM, code split so lazily imported parts stay lazy), with
 * onnxruntime-common left external: it is a peer dependency, so the user's InferenceSession and the backend
 * registry hodu writes to are one copy. Everything else hodu imports (protobufjs, long) is bundled.
 * The .d.ts files are the entry points' own declarations (TypeScript's isolated declaration emit): the
 * entries' signatures use only src/lib/types.ts and onnxruntime-common, which this script checks.
 * The library never loads the native cpu backend or plugins, so the output must not touch `bun:` modules or
 * `Bun.*` APIs: checked here too, so a change that pulls them in fails the build rather than a user's Node.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dir, '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? args[outIndex + 1]! : join(root, 'dist', 'lib');
const ENTRIES = ['index.ts', 'ort-backend.ts'];
/** The files whose declarations make up the package's types. */
const DECLARED = [...ENTRIES, 'types.ts'];
const EXTERNAL = ['onnxruntime-common'];

function fail(message: string): never {
  console.error(`build-lib failed: ${message}`);
  process.exit(1);
}

function bundle(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return Bun.build({
    entrypoints: ENTRIES.map((e) => join(root, 'src', 'lib', e)),
    root: join(root, 'src', 'lib'),
    outdir: outDir,
    target: 'node',
    format: 'esm',
    splitting: true,
    external: EXTERNAL,
    // src/version.ts reads package.json unless the version is defined: this keeps the whole file out of the bundle.
    define: { HODU_BUILD_VERSION: JSON.stringify(pkg.version) },
  }).then((r) => {
    if (!r.success) fail(r.logs.map(String).join('\n'));
  });
}

/** Node has no `bun:` modules and no `Bun` global; the interp, the formats and the passes need neither. */
function checkNodeOnly(): void {
  for (const file of readdirSync(outDir)) {
    if (!file.endsWith('.js')) fail(`${file}: the library bundle should hold only .js files (an asset import came in)`);
    const text = readFileSync(join(outDir, file), 'utf8');
    const bad = text.match(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']bun:[^"']*["']|\bBun\.[A-Za-z]+|import\.meta\.(?:dir|path|file)\b/);
    if (bad) fail(`${file}: uses '${bad[0]}', which Node does not have (find what src/lib/ now imports that needs Bun)`);
  }
}

function declarations(): void {
  const allowed = new Set([...EXTERNAL, ...DECLARED.map((f) => `./${f.replace(/\.ts$/, '')}`)]);
  for (const file of DECLARED) {
    const path = join(root, 'src', 'lib', file);
    const r = ts.transpileDeclaration(readFileSync(path, 'utf8'), {
      fileName: path,
      reportDiagnostics: true,
      compilerOptions: { isolatedDeclarations: true, declaration: true, strict: true },
    });
    const errors = (r.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    if (errors.length) fail(`${relative(root, path)}: ${errors.join('; ')}`);
    // Node's ESM resolution (TypeScript's `nodenext`) wants the extension the sources leave out: './types' → './types.js'.
    const text = r.outputText.replace(/^((?:import|export)\b[^;]*?\bfrom\s+)(["'])([^"']+)\2/gm, (_, head: string, quote: string, spec: string) => {
      if (!allowed.has(spec)) fail(`${relative(root, path)}: its declarations import '${spec}'; the public types may use only ${[...allowed].join(', ')}`);
      return `${head}${quote}${spec.startsWith('./') ? `${spec}.js` : spec}${quote}`;
    });
    writeFileSync(join(outDir, file.replace(/\.ts$/, '.d.ts')), text);
  }
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
await bundle();
checkNodeOnly();
declarations();
if (!args.includes('--quiet')) console.error(`build-lib: ${relative(root, outDir) || outDir}: ${readdirSync(outDir).length} files`);
