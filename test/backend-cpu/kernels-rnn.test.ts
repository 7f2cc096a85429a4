// backend-cpu against the interp: LSTM and GRU (every output, directions, layouts, clip, peepholes, flags).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { fromNumbers } from '../../src/ir/tensor';
import { compareWithInterp, explainOnCpu, float, installCpu, int, interpPartitions, randomValues, type CpuHome, type KernelCase } from './support';

const str = (value: string) => ({ type: 'string' as const, value });
const strs = (...value: string[]) => ({ type: 'strings' as const, value });

interface RnnShape { seq: number; batch: number; input: number; hidden: number; dirs: number; layout?: number }

interface RnnParts { bias: boolean; h0: boolean; c0: boolean; peep: boolean; lens?: number[]; fedWeights?: boolean }

/**
 * X as a graph input; W, R, B, initial states (and P) as weights, each optional by `parts`; sequence_lens as an
 * int32 weight when `lens` is given; W and R as graph inputs with `fedWeights` (the plugin cannot prepare them).
 */
function rnnCase(op: 'LSTM' | 'GRU', s: RnnShape, attrs: KernelCase['attrs'], parts: RnnParts = { bias: true, h0: true, c0: true, peep: false }): KernelCase {
  const gates = op === 'LSTM' ? 4 : 3;
  const gh = gates * s.hidden;
  const state = s.layout ? [s.batch, s.dirs, s.hidden] : [s.dirs, s.batch, s.hidden];
  const inputs: KernelCase['inputs'] = [
    s.layout ? [s.batch, s.seq, s.input] : [s.seq, s.batch, s.input],
    parts.fedWeights ? [s.dirs, gh, s.input] : randomValues([s.dirs, gh, s.input]),
    parts.fedWeights ? [s.dirs, gh, s.hidden] : randomValues([s.dirs, gh, s.hidden]),
    parts.bias ? randomValues([s.dirs, 2 * gh]) : null,
    parts.lens ? fromNumbers('int32', [s.batch], parts.lens) : null,
    parts.h0 ? randomValues(state) : null,
  ];
  if (op === 'LSTM') inputs.push(parts.c0 ? randomValues(state) : null, parts.peep ? randomValues([s.dirs, 3 * s.hidden]) : null);
  return { op, inputs, attrs: { hidden_size: int(s.hidden), ...attrs } };
}

describeWithTools(['cc'], 'backend-cpu LSTM and GRU equal the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('LSTM: forward, reverse, bidirectional, batch-major layout, clip, peepholes, input_forget; Y, Y_h and Y_c', async () => {
    const one = { seq: 5, batch: 2, input: 3, hidden: 4, dirs: 1 };
    const cases = [
      rnnCase('LSTM', one, {}),
      rnnCase('LSTM', { ...one, seq: 1, batch: 1 }, {}, { bias: false, h0: false, c0: false, peep: false }),
      rnnCase('LSTM', one, { direction: str('reverse') }, { bias: true, h0: false, c0: true, peep: true }),
      rnnCase('LSTM', { ...one, dirs: 2, hidden: 7 }, { direction: str('bidirectional'), clip: float(0.5) }),
      rnnCase('LSTM', { ...one, dirs: 2, layout: 1 }, { direction: str('bidirectional'), layout: int(1) }, { bias: true, h0: true, c0: true, peep: true }),
      rnnCase('LSTM', one, { input_forget: int(1), activations: strs('Sigmoid', 'Tanh', 'Tanh') }),
    ];
    expect(await compareWithInterp(cpu, 'lstm', cases, 17, {}, 3)).toEqual([]);
  });

  test('GRU: linear_before_reset 0 and 1, directions, layouts, clip; Y and Y_h', async () => {
    const one = { seq: 6, batch: 3, input: 5, hidden: 4, dirs: 1 };
    const cases = [
      rnnCase('GRU', one, {}),
      rnnCase('GRU', one, { linear_before_reset: int(1) }),
      rnnCase('GRU', { ...one, dirs: 2 }, { direction: str('bidirectional'), clip: float(0.7) }, { bias: false, h0: true, c0: false, peep: false }),
      rnnCase('GRU', { ...one, layout: 1 }, { direction: str('reverse'), layout: int(1), linear_before_reset: int(1) }),
    ];
    expect(await compareWithInterp(cpu, 'gru', cases, 17, {}, 2)).toEqual([]);
  });

  test('activations other than the defaults are refused at create(): the node moves to the interp, saying why', async () => {
    const stderr = await explainOnCpu(cpu, 'gru-relu', [rnnCase('GRU', { seq: 2, batch: 1, input: 2, hidden: 2, dirs: 1 }, { activations: strs('Relu', 'Tanh') })]);
    expect(interpPartitions(stderr).join('\n')).toContain('only the default activations');
  });

  // Each shape picks a different path: a GEMV per row for products of 1–2 rows (batch 1, seq·batch ≤ 2), sgemm's
  // packed panels above; hidden sizes around the 16-lane padding; W and R packed at create() or, fed, by each run.
  const all = { bias: true, h0: true, c0: true, peep: true };
  const paths = (op: 'LSTM' | 'GRU', flag: string): KernelCase[] => [
    rnnCase(op, { seq: 1, batch: 1, input: 5, hidden: 17, dirs: 1 }, {}, all),
    rnnCase(op, { seq: 2, batch: 1, input: 3, hidden: 1, dirs: 2 }, { direction: str('bidirectional'), [flag]: int(1) }, all),
    rnnCase(op, { seq: 7, batch: 1, input: 9, hidden: 33, dirs: 1 }, { direction: str('reverse') }, all),
    rnnCase(op, { seq: 3, batch: 5, input: 4, hidden: 16, dirs: 2, layout: 1 }, { direction: str('bidirectional'), layout: int(1), [flag]: int(1) }, all),
    rnnCase(op, { seq: 4, batch: 2, input: 6, hidden: 15, dirs: 1 }, { clip: float(0.3) }, { ...all, fedWeights: true }),
    rnnCase(op, { seq: 1, batch: 3, input: 2, hidden: 40, dirs: 2 }, { direction: str('bidirectional') }, { ...all, fedWeights: true }),
  ];

  test('LSTM and GRU on every product path and hidden sizes off the vector width, under each ISA and split between threads', async () => {
    const envs: Record<string, string>[] = [{}, { HODU_CPU_ISA: 'avx2' }, { HODU_CPU_ISA: 'c' }, { HODU_THREADS: '2', HODU_CPU_SPLIT_SMALL: '1' }];
    for (const env of envs) {
      expect(await compareWithInterp(cpu, 'lstm-paths', paths('LSTM', 'input_forget'), 17, env, 3)).toEqual([]);
      expect(await compareWithInterp(cpu, 'gru-paths', paths('GRU', 'linear_before_reset'), 17, env, 2)).toEqual([]);
    }
  });

  test('sequence_lens: rows shorter than the sequence (0 included) leave Y zero past their length and keep their last state', async () => {
    const one = { seq: 5, batch: 4, input: 3, hidden: 6, dirs: 2 };
    const lens = [5, 2, 0, 3];
    const bi = { direction: str('bidirectional') };
    const cases = (op: 'LSTM' | 'GRU') => [
      rnnCase(op, one, bi, { bias: true, h0: true, c0: true, peep: op === 'LSTM', lens }),
      rnnCase(op, { ...one, dirs: 1, layout: 1 }, { direction: str('reverse'), layout: int(1) }, { bias: true, h0: true, c0: true, peep: false, lens }),
      rnnCase(op, { ...one, batch: 1, dirs: 1 }, {}, { bias: false, h0: true, c0: false, peep: false, lens: [3] }),
    ];
    expect(await compareWithInterp(cpu, 'lstm-lens', cases('LSTM'), 17, {}, 3)).toEqual([]);
    expect(await compareWithInterp(cpu, 'gru-lens', cases('GRU'), 17, {}, 2)).toEqual([]);
  });
});
