/**
 * The files of `hodu run --dump DIR`: one .npy per dumped tensor (names from src/util/safe-file-name.ts) and
 * index.json, which maps every value name to its file, dtype, shape and producing node and op. Encoded here,
 * written by the caller: index.json goes last, so a folder with an index holds every file it names.
 */
import { join } from 'node:path';
import { writeNpy } from '../../formats/npy/write-npy';
import { Tensor } from '../../ir/tensor';
import type { RuntimeValue } from '../../sdk/backend';
import { uniqueFileNames } from '../../util/safe-file-name';
import type { DumpedValue } from './expose-values';

const DUMP_INDEX = 'index.json';

const BODIES_NOTE = 'values inside If/Loop/Scan bodies are not dumped (only top-level values: the If/Loop/Scan node\'s own outputs are)';

interface DumpIndexEntry {
  file: string;
  dtype: string;
  shape: number[];
  node: string;
  op: string;
}

export interface EncodedDump {
  /** [path, bytes], the .npy files first and index.json last. */
  files: [string, Uint8Array][];
  index: { model: string; values: Record<string, DumpIndexEntry>; skipped: Record<string, string>; note: string };
}

export function encodeDump(dir: string, modelPath: string, values: readonly DumpedValue[], got: ReadonlyMap<string, RuntimeValue>): EncodedDump {
  const tensors = values.filter((v) => got.get(v.value) instanceof Tensor);
  const names = uniqueFileNames(tensors.map((v) => v.value), '.npy');
  const files: [string, Uint8Array][] = [];
  const index: EncodedDump['index'] = { model: modelPath, values: {}, skipped: {}, note: BODIES_NOTE };
  for (const v of tensors) {
    const t = got.get(v.value) as Tensor;
    const file = names.get(v.value)!;
    files.push([join(dir, file), writeNpy(t, v.value)]);
    index.values[v.value] = { file, dtype: t.dtype, shape: [...t.dims], node: v.node, op: v.op };
  }
  for (const v of values) {
    const value = got.get(v.value);
    if (value instanceof Tensor) continue;
    index.skipped[v.value] = value === undefined ? 'not produced (an absent optional value)' : 'not a tensor (a sequence or map): .npy holds one array';
  }
  files.push([join(dir, DUMP_INDEX), new TextEncoder().encode(indexJson(index))]);
  return { files, index };
}

/** Pretty JSON with one line per value (a shape spread over one line per dim makes a long model unreadable). */
function indexJson(index: EncodedDump['index']): string {
  const block = (o: Record<string, unknown>) => {
    const rows = Object.entries(o).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    return rows.length ? `{\n${rows.join(',\n')}\n  }` : '{}';
  };
  return `{\n  "model": ${JSON.stringify(index.model)},\n  "note": ${JSON.stringify(index.note)},\n  "values": ${block(index.values)},\n  "skipped": ${block(index.skipped)}\n}\n`;
}
