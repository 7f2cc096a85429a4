// One side of the two-process race in race.test.ts: stores KEY in CACHE_DIR with a producer that waits until
// the other process is producing too (a barrier of marker files), so both really store the same key at once.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedBuild } from '../../src/cache';

const [cacheDir, key, barrier, side] = process.argv.slice(2) as [string, string, string, string];
const other = side === 'a' ? 'b' : 'a';
const warnings: string[] = [];
const r = await cachedBuild({ dir: cacheDir, enabled: true, maxSize: 1 << 30 }, key, { kind: 'model', label: 'race' }, async (staging) => {
  writeFileSync(join(barrier, side), '');
  for (let waited = 0; !existsSync(join(barrier, other)); waited += 20) {
    if (waited > 20_000) throw new Error(`side ${other} never started producing`);
    await Bun.sleep(20);
  }
  // Big enough that a half-written file would show, written in pieces with a pause between them.
  writeFileSync(join(staging, 'model.so'), Buffer.alloc(4 << 20, side));
  await Bun.sleep(200);
  writeFileSync(join(staging, 'model.h'), `side ${side}\n`);
  return ['model.so', 'model.h'];
}, (m) => warnings.push(m));
const header = readFileSync(join(r.entry.dir, 'model.h'), 'utf8');
console.log(JSON.stringify({ hit: r.hit, dir: r.entry.dir, header, warnings }));
