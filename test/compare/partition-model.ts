import { buildModel, writeModelFile } from '../e2e/hodu';

/**
 * x → Relu → Hardmax → Add(·, r) → Sigmoid over float32 [2,4]. The cpu backend has no Hardmax kernel, so
 * `--backend cpu` runs it in three partitions: cpu, interp (Hardmax), cpu.
 */
export function writePartitionModel(path: string): string {
  const t = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [2, 4] };
  return writeModelFile(path, buildModel({
    nodes: [
      { name: 'relu_in', op: 'Relu', domain: '', inputs: ['x'], outputs: ['r'], attributes: {} },
      { name: 'hardmax', op: 'Hardmax', domain: '', inputs: ['r'], outputs: ['h'], attributes: {} },
      { name: 'add', op: 'Add', domain: '', inputs: ['h', 'r'], outputs: ['s'], attributes: {} },
      { name: 'sig', op: 'Sigmoid', domain: '', inputs: ['s'], outputs: ['y'], attributes: {} },
    ],
    inputs: [{ name: 'x', type: t }],
    outputs: [{ name: 'y', type: t }],
  }));
}
