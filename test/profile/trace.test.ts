/** The Chrome trace of --profile-out: required fields, µs units, order, nesting when start times are known. */
import { expect, test } from 'bun:test';
import { chromeTrace } from '../../src/runtime/profile/trace';

function expectValid(trace: ReturnType<typeof chromeTrace>) {
  expect(trace.displayTimeUnit).toBe('ms');
  for (const e of trace.traceEvents) {
    expect(Object.keys(e).sort()).toEqual(['args', 'cat', 'dur', 'name', 'ph', 'pid', 'tid', 'ts']);
    expect(e.ph).toBe('X');
    expect(typeof e.name).toBe('string');
    expect(e.dur).toBeGreaterThanOrEqual(0);
    expect(e.ts).toBeGreaterThanOrEqual(0);
    expect(typeof e.args.op).toBe('string');
    expect(typeof e.args.backend).toBe('string');
  }
  const ts = trace.traceEvents.map((e) => e.ts);
  expect(ts).toEqual([...ts].sort((a, b) => a - b));
}

test('with start times (the interp): a body node sits inside its Loop span; ts and dur in µs', () => {
  // Reported in completion order: the body node ends before the Loop that holds it.
  const trace = chromeTrace([
    { node: 'mm', op: 'MatMul', ms: 1, startMs: 0, wallMs: 1, depth: 0, shapes: { inputs: [[2, 3], [3, 4]], outputs: [[2, 4]] }, flops: 48 },
    { node: 'body_add', op: 'Add', ms: 0.5, startMs: 1.25, wallMs: 0.5, depth: 1 },
    { node: 'loop', op: 'Loop', ms: 0.25, startMs: 1, wallMs: 0.75, depth: 0 },
  ], { model: 'm.onnx', backend: 'interp' });
  expectValid(trace);
  expect(trace.otherData.layout).toBe('measured');
  expect(trace.traceEvents.map((e) => e.name)).toEqual(['mm', 'loop', 'body_add']);
  const [mm, loop, body] = trace.traceEvents;
  expect(mm).toMatchObject({ ts: 0, dur: 1000, args: { op: 'MatMul', backend: 'interp', flops: 48, shapes: { outputs: [[2, 4]] } } });
  expect(loop).toMatchObject({ ts: 1000, dur: 750, args: { selfMs: 0.25 } });
  expect(body!.ts).toBeGreaterThanOrEqual(loop!.ts);
  expect(body!.ts + body!.dur).toBeLessThanOrEqual(loop!.ts + loop!.dur);
});

test('without start times (a native backend): spans one after another in run order, by self time, and said so', () => {
  const trace = chromeTrace([
    { node: 'conv', op: 'Conv+Relu', ms: 2, backend: 'cpu', partition: 0, fused: [{ node: 'relu', op: 'Relu' }] },
    { node: 'hardmax', op: 'Hardmax', ms: 0.5, backend: 'interp', partition: 1, startMs: 0, wallMs: 0.5 },
    { node: 'gemm', op: 'Gemm', ms: 1, backend: 'cpu', partition: 2 },
  ], { model: 'm.onnx', backend: 'cpu' });
  expectValid(trace);
  expect(trace.otherData.layout).toBe('sequential');
  expect(trace.traceEvents.map((e) => [e.name, e.ts, e.dur, e.args.backend])).toEqual([
    ['conv', 0, 2000, 'cpu'],
    ['hardmax', 2000, 500, 'interp'],
    ['gemm', 2500, 1000, 'cpu'],
  ]);
  expect(trace.traceEvents[0]!.args.fused).toEqual(['relu']);
});

test('an empty run is an empty, valid trace', () => {
  const trace = chromeTrace([], { model: 'm.onnx', backend: 'interp' });
  expect(trace.traceEvents).toEqual([]);
  expect(JSON.parse(JSON.stringify(trace)).displayTimeUnit).toBe('ms');
});
