// backend-cpu against the interp: LSTM and GRU (every output, directions, layouts, clip, peepholes, flags).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, explainOnCpu, float, installCpu, int, interpPartitions, randomValues, type CpuHome, type KernelCase } from './support';

const str = (value: string) => ({ type: 'string' as const, value });
const strs = (...value: string[]) => ({ type: 'strings' as const, value });

interface RnnShape { seq: number; batch: number; input: number; hidden: number; dirs: number; layout?: number }

/** X as a graph input; W, R, B, initial states (and P) as weights, each optional by `parts`. */
function rnnCase(op: 'LSTM' | 'GRU', s: RnnShape, attrs: KernelCase['attrs'], parts = { bias: true, h0: true, c0: true, peep: false }): KernelCase {
  const gates = op === 'LSTM' ? 4 : 3;
  const gh = gates * s.hidden;
  const state = s.layout ? [s.batch, s.dirs, s.hidden] : [s.dirs, s.batch, s.hidden];
  const inputs: KernelCase['inputs'] = [
    s.layout ? [s.batch, s.seq, s.input] : [s.seq, s.batch, s.input],
    randomValues([s.dirs, gh, s.input]),
    randomValues([s.dirs, gh, s.hidden]),
    parts.bias ? randomValues([s.dirs, 2 * gh]) : null,
    null, // sequence_lens
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
});
