/**
 * `hodu plugin test` for a format plugin: its declared capabilities match the methods it has, and what it
 * saves it loads back unchanged — tensors of every numeric dtype plus bool and string, and (for model
 * formats) a small model, compared in hodu's IR text form.
 */
import { ALL_DTYPES, type DType } from '../ir/dtype';
import { emptyGraph, type Model } from '../ir/graph';
import { printModel } from '../ir/printer';
import { float32Tensor, fromNumbers, Tensor } from '../ir/tensor';
import type { FormatPlugin } from '../sdk/format';

interface Check {
  check: string;
  ok: boolean;
  detail: string;
}

const METHODS = { loadModel: 'loadModel', saveModel: 'saveModel', loadTensors: 'loadTensors', saveTensors: 'saveTensors' } as const;

export async function formatChecks(format: FormatPlugin): Promise<Check[]> {
  const checks: Check[] = [];
  const caps = format.capabilities;
  const mismatched = (Object.keys(METHODS) as (keyof typeof METHODS)[]).filter((k) => Boolean(caps[k]) !== (typeof format[METHODS[k]] === 'function'));
  checks.push({
    check: 'capabilities',
    ok: mismatched.length === 0,
    detail: mismatched.length ? `capabilities and methods disagree on ${mismatched.join(', ')}` : `declares ${(Object.keys(METHODS) as (keyof typeof METHODS)[]).filter((k) => caps[k]).join(', ') || 'nothing'} (${caps.extensions.join(', ')})`,
  });
  if (caps.saveTensors && caps.loadTensors && format.saveTensors && format.loadTensors) checks.push(await tensorRoundTrip(format));
  if (caps.saveModel && caps.loadModel && format.saveModel && format.loadModel) checks.push(await modelRoundTrip(format));
  return checks;
}

function sampleTensor(dtype: DType): Tensor {
  if (dtype === 'string') return new Tensor('string', [2], ['hodu', '호두']);
  const values = dtype === 'bool' ? [1, 0, 1] : dtype.startsWith('uint') ? [0, 7, 200] : [-3, 0.5, 42];
  return fromNumbers(dtype, [3], values);
}

async function tensorRoundTrip(format: FormatPlugin): Promise<Check> {
  const failures: string[] = [];
  for (const dtype of ALL_DTYPES) {
    const original = sampleTensor(dtype);
    try {
      const bytes = await format.saveTensors!(new Map([[`t_${dtype}`, original]]), { path: `check${format.capabilities.extensions[0] ?? ''}` });
      const back = (await format.loadTensors!(bytes, { path: `check${format.capabilities.extensions[0] ?? ''}` })).get(`t_${dtype}`);
      const same = back && back.dtype === original.dtype && back.dims.join() === original.dims.join() && Array.from(back.data as ArrayLike<unknown>).join() === Array.from(original.data as ArrayLike<unknown>).join();
      if (!same) failures.push(`${dtype}: came back ${back ? `${back.dtype}[${back.dims}]` : 'missing'}`);
    } catch (e) {
      failures.push(`${dtype}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return {
    check: 'tensor round trip',
    ok: failures.length === 0,
    detail: failures.length ? failures.join('; ') : `save → load keeps name, dtype, shape and values for ${ALL_DTYPES.length} dtypes`,
  };
}

async function modelRoundTrip(format: FormatPlugin): Promise<Check> {
  const graph = {
    ...emptyGraph('check'),
    inputs: [{ name: 'x', type: { kind: 'tensor' as const, dtype: 'float32' as const, shape: ['N', 2] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor' as const, dtype: 'float32' as const, shape: ['N', 2] } }],
    nodes: [{ name: 'add', op: 'Add', domain: '', inputs: ['x', 'b'], outputs: ['y'], attributes: {} }],
    initializers: new Map([['b', float32Tensor([1, 2], [2])]]),
  };
  const model: Model = { irVersion: 8, opsetImports: [{ domain: '', version: 17 }], metadata: {}, graph, functions: [] };
  try {
    const back = await format.loadModel!(await format.saveModel!(model, {}), {});
    const same = printModel(back) === printModel(model);
    return { check: 'model round trip', ok: same, detail: same ? 'save → load gives the same graph' : 'the loaded graph differs from the saved one' };
  } catch (e) {
    return { check: 'model round trip', ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}
