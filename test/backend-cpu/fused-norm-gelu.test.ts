/**
 * -O2's fuse-layer-norm and fuse-gelu on the PyTorch-style BERT (test/models/bert.ts: decomposed LayerNorm,
 * erf-GELU in layer 0, tanh-GELU in layer 1, opset 14): the outputs at -O2 equal -O1's on the interp and on
 * the cpu plugin built from this checkout (rtol 1e-4), and `hodu inspect M` (-O2 by default) counts
 * LayerNormalization and Gelu where -O1 counts the decomposed ops.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { loadBackend } from '../../src/backends/registry';
import type { Model } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import { prepareModel } from '../../src/runtime/prepare';
import { createRunSession } from '../../src/runtime/run-model';
import { hodu, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';
import { bertFeeds, buildBert } from '../models/bert';
import { compareTensor } from '../ops/harness';
import { describeWithTools } from '../support/optional-tools';
import { buildCpuLibrary } from './support';

const RTOL = 1e-4;
const ATOL = 1e-5;
const FEEDS = [bertFeeds(2, 7, 2, 1), bertFeeds(1, 12, 0, 2)];

const opCounts = (m: Model) => m.graph.nodes.reduce<Record<string, number | undefined>>((c, n) => ((c[n.op] = (c[n.op] ?? 0) + 1), c), {});

test('-O2 rewrites the five LayerNorms and both GELUs of the BERT-style model; -O1 keeps them decomposed', () => {
  const o1 = opCounts(prepareModel(buildBert(), 1));
  const o2 = opCounts(prepareModel(buildBert(), 2));
  // 2 layers × 2 LayerNorms + the embeddings' one; one erf-GELU and one tanh-GELU.
  expect([o1.LayerNormalization, o1.Gelu, o1.ReduceMean, o1.Erf]).toEqual([undefined, undefined, 10, 1]);
  expect([o2.LayerNormalization, o2.Gelu, o2.ReduceMean, o2.Pow, o2.Sqrt, o2.Erf]).toEqual([5, 2, undefined, undefined, undefined, undefined]);
  // The pooler's Tanh stays; only the tanh-GELU's goes.
  expect([o1.Tanh, o2.Tanh]).toEqual([2, 1]);
});

describeWithTools(['cc'], 'BERT-style at -O1 and -O2, interp and cpu', () => {
  const t = tempDir('hodu-fusenorm-');
  let lib = '';
  beforeAll(() => {
    lib = buildCpuLibrary(t.dir);
  });
  afterAll(() => t.cleanup());

  test('the outputs at -O2 equal -O1 on the interp and on cpu (rtol 1e-4)', async () => {
    const outputs: Map<string, Tensor>[][] = [];
    for (const level of [1, 2] as const) {
      const prepared = prepareModel(buildBert(), level);
      const cpu = loadNativeBackend(lib, probeNativeLibrary(lib, 'cpu'), { isolate: false });
      const { session, partitioned } = await createRunSession(prepared, cpu, { threads: 2 });
      const interp = await (await loadBackend('interp')).createSession(prepared, {});
      try {
        for (const feeds of FEEDS) outputs.push([await interp.run(new Map(feeds)), await session.run(new Map(feeds))] as Map<string, Tensor>[]);
        const explained = partitioned!.explain() as unknown as { partitions: { backend: string; ops: string[] }[] };
        const onCpu = explained.partitions.filter((p) => p.backend === 'cpu').flatMap((p) => p.ops);
        if (level === 2) for (const op of ['LayerNormalization', 'Gelu']) expect(onCpu).toContain(op);
        expect(explained.partitions.filter((p) => p.backend !== 'cpu')).toEqual([]);
      } finally {
        session.dispose?.();
      }
    }
    // outputs: [-O1 feeds0, -O1 feeds1, -O2 feeds0, -O2 feeds1], each [interp, cpu]; all against -O1's interp.
    for (let f = 0; f < FEEDS.length; f++) {
      const want = outputs[f]![0]!;
      for (const [label, got] of [['-O1 cpu', outputs[f]![1]!], ['-O2 interp', outputs[FEEDS.length + f]![0]!], ['-O2 cpu', outputs[FEEDS.length + f]![1]!]] as const) {
        for (const [name, w] of want) expect(`${label} ${name}: ${compareTensor(got.get(name) as Tensor, w, RTOL, ATOL) ?? 'equal'}`).toBe(`${label} ${name}: equal`);
      }
    }
  }, 120_000);

  test('hodu inspect M shows LayerNormalization and Gelu at -O2, the decomposed ops at -O1', () => {
    requireBinary();
    const path = writeModelFile(join(t.dir, 'bert.onnx'), buildBert());
    const o2 = hodu(['inspect', path]);
    const o1 = hodu(['inspect', path, '-O1']);
    expect([o2.code, o1.code]).toEqual([0, 0]);
    for (const op of ['LayerNormalization', 'Gelu']) {
      expect(o2.stdout).toContain(op);
      expect(o1.stdout).not.toContain(op);
    }
    for (const op of ['ReduceMean', 'Erf', 'Sqrt']) {
      expect(o1.stdout).toContain(op);
      expect(o2.stdout).not.toContain(op);
    }
  }, 60_000);
});
