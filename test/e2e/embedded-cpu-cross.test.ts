/**
 * build.ts cross-builds the embedded cpu backend for linux-arm64 with Debian's aarch64-linux-gnu-gcc, from the
 * sources and flags of plugins/backend-cpu/package.json, and embeds nothing for platforms it cannot build for.
 */
import { afterAll, expect, test } from 'bun:test';
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { buildEmbeddedCpu, EMBEDDED_CPU_FILE } from '../../scripts/embedded-cpu';
import { libraryArch } from '../../src/plugins/native/arch';
import { testWithTools } from '../support/optional-tools';
import { tempDir } from './hodu';

const ROOT = join(import.meta.dir, '..', '..');
const t = tempDir('hodu-cpu-cross-');
afterAll(() => t.cleanup());
const pkg = JSON.parse(readFileSync(join(ROOT, 'plugins', 'backend-cpu', 'package.json'), 'utf8')) as { version: string; hodu: { capabilities: { ops: string[] } } };

testWithTools(['aarch64-linux-gnu-gcc'], 'linux-arm64: an aarch64 library, its checksum and the declared ops recorded', () => {
  const out = join(t.dir, 'arm64');
  const info = buildEmbeddedCpu({ root: ROOT, outRoot: out, target: 'bun-linux-arm64', log: () => {} });
  const lib = join(out, EMBEDDED_CPU_FILE);
  expect(libraryArch(lib)).toBe('aarch64');
  expect(info).toEqual({ version: pkg.version, sha256: createHash('sha256').update(readFileSync(lib)).digest('hex'), arch: 'aarch64', ops: pkg.hodu.capabilities.ops, dtypes: ['float32'] });
}, 120_000);

test('darwin and windows targets embed an empty placeholder and record nothing', () => {
  const out = join(t.dir, 'darwin');
  expect(buildEmbeddedCpu({ root: ROOT, outRoot: out, target: 'bun-darwin-arm64', log: () => {} })).toBeUndefined();
  expect(statSync(join(out, EMBEDDED_CPU_FILE)).size).toBe(0);
});
