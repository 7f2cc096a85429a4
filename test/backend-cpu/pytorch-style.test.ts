/**
 * backend-cpu on models shaped as `torch.onnx.export` writes them (test/models/bert.ts, gpt2.ts, audio-rnn.ts):
 * run-time shape chains (Shape → Gather → Concat → Reshape), int64 index math, masks, CumSum, Split, Where,
 * decomposed LayerNorm and GELU, an If on a fed value and a Loop of LSTM steps. Each model runs in one session
 * at two shape sets (a plan per set), in process on the plugin built from this checkout, and equals the interp
 * and onnxruntime-node (rtol 1e-3, atol 1e-4). The session's explanation (what `hodu run --explain` prints)
 * must list exactly the expected fallbacks, each with its reason: nothing the cpu claims falls back.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { loadBackend } from '../../src/backends/registry';
import { encodeModel } from '../../src/formats/onnx/encode';
import type { Model } from '../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import { prepareModel } from '../../src/runtime/prepare';
import { createRunSession } from '../../src/runtime/run-model';
import { loadNpz } from '../../src/formats/npz/index';
import { tempDir, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { audioFeeds, buildAudioRnn } from '../models/audio-rnn';
import { bertFeeds, buildBert, buildBertLn17 } from '../models/bert';
import { buildGpt2, buildGpt2Past, gpt2Feeds } from '../models/gpt2';
import { compareTensor } from '../ops/harness';
import { describeWithTools } from '../support/optional-tools';
import { buildCpuLibrary, installCpu, type CpuHome } from './support';

const RTOL = 1e-3;
const ATOL = 1e-4;
// If and Loop are run by the host (their bodies are partitioned and listed apart): the only fallbacks.
const CONTROL_FLOW = 'control flow';

interface Case {
  build: () => Model;
  feeds: Map<string, Tensor>[];
  /** node → why it may run on the interp (a substring of the reason --explain gives). */
  fallbacks: Record<string, string>;
  /** Ops that must have run on cpu, in the top level or in a body. */
  onCpu: string[];
}

const CASES: Record<string, Case> = {
  bert: { build: buildBert, feeds: [bertFeeds(2, 7, 2, 1), bertFeeds(1, 12, 0, 2)], fallbacks: {}, onCpu: ['Gather', 'ReduceMean', 'Pow', 'Sqrt', 'Erf', 'Tanh', 'Softmax', 'MatMul', 'Cast', 'Gemm'] },
  'bert-ln17': { build: buildBertLn17, feeds: [bertFeeds(3, 5, 1, 3), bertFeeds(1, 16, 4, 4)], fallbacks: {}, onCpu: ['LayerNormalization', 'Erf', 'Softmax'] },
  gpt2: { build: buildGpt2, feeds: [gpt2Feeds(2, 5, null, 2, 1), gpt2Feeds(1, 9, null, 0, 2)], fallbacks: {}, onCpu: ['CumSum', 'Sub', 'Where', 'Slice', 'Split', 'Expand'] },
  'gpt2-past': { build: buildGpt2Past, feeds: [gpt2Feeds(2, 3, 4, 2, 1), gpt2Feeds(1, 1, 6, 0, 2)], fallbacks: {}, onCpu: ['CumSum', 'Concat', 'Where', 'Expand'] },
  'audio-rnn': {
    build: buildAudioRnn,
    feeds: [audioFeeds(1, 512, 16000, 1), audioFeeds(2, 256, 8000, 2)],
    fallbacks: { if_1: CONTROL_FLOW, loop_1: CONTROL_FLOW },
    onCpu: ['Conv', 'Abs', 'InstanceNormalization', 'LSTM', 'Gather', 'Sigmoid', 'ReduceMean'],
  },
};

interface Explained {
  partitions: { backend: string; ops: string[] }[];
  fallbacks: { node: string; reason: string }[];
  bodies?: { partitions: { backend: string; ops: string[] }[]; fallbacks: { node: string; reason: string }[] }[];
}

describeWithTools(['cc'], 'backend-cpu on PyTorch-style exports', () => {
  const t = tempDir('hodu-pytorch-');
  let lib = '';
  beforeAll(() => {
    lib = buildCpuLibrary(t.dir);
  });
  afterAll(() => t.cleanup());

  for (const [name, c] of Object.entries(CASES)) {
    test(`${name}: cpu equals the interp and onnxruntime at two shape sets in one session; fallbacks only ${JSON.stringify(Object.keys(c.fallbacks))}`, async () => {
      const model = c.build();
      const path = join(t.dir, `${name}.onnx`);
      writeFileSync(path, encodeModel(model));
      const prepared = prepareModel(model);
      const cpu = loadNativeBackend(lib, probeNativeLibrary(lib, 'cpu'), { isolate: false });
      const { session, partitioned } = await createRunSession(prepared, cpu, { threads: 2 });
      const interp = await (await loadBackend('interp')).createSession(prepared, {});
      const reference = await ort.InferenceSession.create(path);
      const ranOnCpu = new Set<string>();
      try {
        for (const feeds of c.feeds) {
          const shapes = [...feeds].map(([k, v]) => `${k}[${v.dims}]`).join(' ');
          const got = await session.run(new Map(feeds));
          const want = await interp.run(new Map(feeds));
          const theirs = await reference.run(Object.fromEntries([...feeds].map(([k, v]) => [k, new ort.Tensor(v.dtype as 'float32', v.data as Float32Array, [...v.dims])])));
          expect([...got.keys()].sort()).toEqual([...reference.outputNames].sort());
          for (const out of reference.outputNames) {
            const o = theirs[out]!;
            const ortT = fromNumbers('float32', o.dims as number[], Float32Array.from(o.data as Float32Array));
            for (const [label, problem] of [
              ['cpu vs interp', compareTensor(got.get(out) as Tensor, want.get(out) as Tensor, RTOL, ATOL)],
              ['cpu vs onnxruntime', compareTensor(got.get(out) as Tensor, ortT, RTOL, ATOL)],
            ] as const) expect(problem === null ? 'equal' : `${shapes} ${out} ${label}: ${problem}`).toBe('equal');
          }
          const explained = partitioned!.explain() as unknown as Explained;
          const fallbacks = [...explained.fallbacks, ...(explained.bodies ?? []).flatMap((b) => b.fallbacks)];
          expect(Object.fromEntries(fallbacks.map((f) => [f.node, f.reason.includes(c.fallbacks[f.node] ?? '\u0000') ? c.fallbacks[f.node] : f.reason]))).toEqual(c.fallbacks);
          const parts = [...explained.partitions, ...(explained.bodies ?? []).flatMap((b) => b.partitions)];
          for (const p of parts) if (p.backend === 'cpu') p.ops.forEach((op) => ranOnCpu.add(op));
          expect(parts.filter((p) => p.backend === 'interp').flatMap((p) => p.ops).filter((op) => op !== 'If' && op !== 'Loop')).toEqual([]);
        }
        for (const op of c.onCpu) expect([...ranOnCpu]).toContain(op);
      } finally {
        session.dispose?.();
        await reference.release();
      }
    }, 120_000);
  }
});

// The same models through the compiled binary (`hodu run --explain`, the plugin installed from this checkout):
// the CLI prints the fallbacks with their reasons, and the outputs equal `--backend interp`. --no-isolate: an
// installed plugin runs in a child process, where If/Loop bodies stay on the interp (the embedded one runs in process).
describeWithTools(['cc'], 'backend-cpu on PyTorch-style exports through hodu run --explain', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  const CLI: Record<string, { build: () => Model; feeds: Map<string, Tensor>; explain: RegExp[] }> = {
    'gpt2-past': { build: buildGpt2Past, feeds: gpt2Feeds(2, 3, 4, 2, 7), explain: [/partitions: 1, \d+ nodes[^\n]*\n {2}#0 {2}cpu [^\n]*CumSum/] },
    'audio-rnn': {
      build: buildAudioRnn,
      feeds: audioFeeds(1, 512, 16000, 7),
      explain: [/fell back to the interp: 2 nodes\n {2}if_1 \(If\): control flow[^\n]*\n {2}loop_1 \(Loop\): control flow/, /body of Loop 'loop_1' body: 1 partition\n {4}#0 {2}cpu [^\n]*LSTM/],
    },
  };
  for (const [name, c] of Object.entries(CLI)) {
    test(`${name}: hodu run --backend cpu --explain lists only the expected fallbacks and equals --backend interp`, async () => {
      const model = writeModelFile(join(cpu.dir, `${name}.onnx`), c.build());
      const input = await writeNpzFile(join(cpu.dir, `${name}-in.npz`), c.feeds);
      const outs: Map<string, Tensor>[] = [];
      for (const backend of ['interp', 'cpu']) {
        const out = join(cpu.dir, `${name}-${backend}.npz`);
        const r = cpu.run(['run', model, '--input', input, '--backend', backend, '--output', out, ...(backend === 'cpu' ? ['--explain', '--no-isolate'] : [])]);
        expect(r.code).toBe(0);
        if (backend === 'cpu') for (const re of c.explain) expect(r.stderr).toMatch(re);
        outs.push(await loadNpz(readFileSync(out)));
      }
      const [want, got] = outs as [Map<string, Tensor>, Map<string, Tensor>];
      for (const [out, w] of want) expect(`${out}: ${compareTensor(got.get(out) as Tensor, w, RTOL, ATOL) ?? 'equal'}`).toBe(`${out}: equal`);
    }, 120_000);
  }
});
