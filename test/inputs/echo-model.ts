/** A model whose outputs are its inputs (Identity each): what a run saves is what it was fed. */
import { join } from 'node:path';
import type { DType } from '../../src/ir/dtype';
import type { Dim } from '../../src/ir/graph';
import { loadTensorFile } from '../../src/formats/registry';
import { toNumbers, type Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile } from '../e2e/hodu';

export function writeEchoModel(dir: string, file: string, inputs: [name: string, dtype: DType, shape: Dim[]][]): string {
  return writeModelFile(join(dir, file), buildModel({
    nodes: inputs.map(([name]) => ({ name: `echo_${name}`, op: 'Identity', domain: '', inputs: [name], outputs: [`out_${name}`], attributes: {} })),
    inputs: inputs.map(([name, dtype, shape]) => ({ name, type: { kind: 'tensor', dtype, shape } })),
    outputs: inputs.map(([name]) => ({ name: `out_${name}` })),
  }));
}

/** The echoed inputs of a run saved with --output FILE.npz, keyed by input name. */
export async function echoed(npz: string): Promise<Map<string, Tensor>> {
  const saved = await loadTensorFile(npz);
  return new Map([...saved].map(([k, t]) => [k.replace(/^out_/, ''), t]));
}

export function range(t: Tensor): [min: number, max: number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of toNumbers(t)) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return [min, max];
}
