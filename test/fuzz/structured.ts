/**
 * Format-aware mutators: they keep the file parseable up to the field they break, so the fuzz reaches the
 * checks behind the first one (a random byte flip rarely gets past a zip CRC or a protobuf length).
 */
import { onnx, Long } from '../../src/formats/onnx/pb';
import { writeZip } from '../../src/formats/zip/write-zip';
import { listZipEntries, readZipEntry } from '../../src/formats/zip/read-zip';
import { mutateBytes, type Rand } from './mutate';

const enc = new TextEncoder();
const dec = new TextDecoder('latin1');

const HUGE_DIMS = ['1000000000000', '2147483648', '4294967296', '-1', '0, 1152921504606846976, 1152921504606846976', '1.5', "'3'", '65536, 65536', '', '3, 4, 5, 6, 7, 8, 9, 10'];
const DESCRS = ['<f4', '<f8', '<f2', '|b1', '<i8', '>i4', '<u8', '<U5', '<U1000000000', '|S3', '|S0', '<V2', '|V8', '<c8', '|O', '<M8', 'bfloat16', '<f3', '', "<i4', 'x': 1, 'y"];

/** .npy: rewrite the shape, descr or fortran_order of the header dict, then fix (or not) the header length. */
export function mutateNpy(b: Uint8Array, r: Rand): Uint8Array {
  const major = b[6] ?? 1;
  const lenSize = major === 1 ? 2 : 4;
  const start = 8 + lenSize;
  let text = dec.decode(b.subarray(start, Math.min(b.length, start + (major === 1 ? (b[8]! | (b[9]! << 8)) : 4096))));
  const choice = r.int(5);
  if (choice === 0) text = text.replace(/'shape': \([^)]*\)/, `'shape': (${r.pick(HUGE_DIMS)},)`);
  else if (choice === 1) text = text.replace(/'descr': '[^']*'/, `'descr': '${r.pick(DESCRS)}'`);
  else if (choice === 2) text = text.replace(/'fortran_order': \w+/, `'fortran_order': ${r.pick(['True', 'False', '1', 'None', "'no'"])}`);
  else if (choice === 3) text = text.replace(/'\w+': [^,]+, /, r.pick(['', "'extra': 1, ", "'shape': (2,), "]));
  else text = text.slice(0, r.int(text.length + 1)) + r.pick(['{', '}', '(', "'", '\\', '\u00ff', '((((((((((((((((((((']) + text.slice(r.int(text.length + 1));
  const header = enc.encode(text);
  const dataStart = start + (major === 1 ? (b[8]! | (b[9]! << 8)) : new DataView(b.buffer, b.byteOffset).getUint32(8, true));
  const data = b.subarray(Math.min(dataStart, b.length));
  const out = new Uint8Array(start + header.length + data.length);
  out.set(b.subarray(0, 8));
  const len = r.next() < 0.8 ? header.length : r.int(65536);
  if (major === 1) out.set([len & 0xff, (len >> 8) & 0xff], 8);
  else new DataView(out.buffer).setUint32(8, len, true);
  out.set(header, start);
  out.set(data, start + header.length);
  return out;
}

const ST_DTYPES = ['F32', 'F64', 'F16', 'BF16', 'I8', 'I64', 'U64', 'BOOL', 'F8_E4M3', 'C64', 'X', 7, null];
const ST_SHAPES = [[1e12], [2 ** 31], [-1], [0, 2 ** 60, 2 ** 60], [1.5], ['3'], [], [65536, 65536], null, {}];

/** .safetensors: change one entry's dtype, shape or data_offsets in the JSON header and re-encode it. */
export function mutateSafetensors(b: Uint8Array, r: Rand): Uint8Array {
  const n = Number(new DataView(b.buffer, b.byteOffset).getBigUint64(0, true));
  let header: Record<string, Record<string, unknown>>;
  try {
    header = JSON.parse(new TextDecoder().decode(b.subarray(8, 8 + n)));
  } catch {
    return mutateBytes(b, r);
  }
  const names = Object.keys(header).filter((k) => k !== '__metadata__');
  const name = r.pick(names);
  const entry = header[name]!;
  const choice = r.int(6);
  if (choice === 0) entry.dtype = r.pick(ST_DTYPES);
  else if (choice === 1) entry.shape = r.pick(ST_SHAPES);
  else if (choice === 2) entry.data_offsets = r.pick([[0, 1e12], [5, 2], [-1, 4], [0], [2 ** 53, 2 ** 53 + 4], 'x']);
  else if (choice === 3) header.__metadata__ = r.pick([{ a: 1 }, [], 'x', null, { k: 'v' }]) as never;
  else if (choice === 4) delete header[name];
  else header[`${name}_dup`] = { ...entry };
  const text = enc.encode(JSON.stringify(header));
  const data = b.subarray(8 + n);
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(r.next() < 0.85 ? text.length : r.int(1 << 20)), true);
  out.set(text, 8);
  out.set(data, 8 + text.length);
  return out;
}

/** .npz: mutate one member .npy (structurally or by bytes) and rebuild a valid zip around it (CRCs correct). */
export async function mutateNpz(b: Uint8Array, r: Rand): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array>();
  try {
    for (const e of listZipEntries(b)) files.set(e.name, await readZipEntry(b, e));
  } catch {
    return mutateBytes(b, r);
  }
  const names = [...files.keys()];
  const victim = r.pick(names);
  const choice = r.int(4);
  if (choice === 0) files.set(victim, mutateNpy(files.get(victim)!, r));
  else if (choice === 1) files.set(victim, mutateBytes(files.get(victim)!, r));
  else if (choice === 2) files.set(r.pick(['x.txt', 'a/../b.npy', '/abs.npy', '', 'ü.npy', `${victim}.npy`]), files.get(victim)!);
  else files.delete(victim);
  try {
    return await writeZip(files, { compress: r.next() < 0.5, forceZip64: r.next() < 0.2 });
  } catch {
    return mutateBytes(b, r); // the writer refused a name; fall back to a byte mutation
  }
}

const OP_TYPES = ['Add', 'Loop', 'If', 'Scan', 'Reshape', 'Expand', 'ConstantOfShape', 'Tile', 'Range', 'Gemm', 'NotAnOp', 'SequenceAt', 'Cast', ''];
const AT = onnx.AttributeProto.AttributeType;

/** .onnx: decode the ModelProto, break one field the way a buggy exporter or a corrupt file would, re-encode. */
export function mutateOnnx(b: Uint8Array, r: Rand): Uint8Array {
  let m: onnx.ModelProto;
  try {
    m = onnx.ModelProto.decode(b);
  } catch {
    return mutateBytes(b, r);
  }
  const g = m.graph;
  if (!g) return mutateBytes(b, r);
  const nodes = g.node ?? [];
  const node = nodes.length ? r.pick(nodes) : undefined;
  const init = g.initializer?.length ? r.pick(g.initializer) : undefined;
  const huge = () => r.pick([Long.fromString('1000000000000'), Long.fromNumber(2 ** 31), Long.fromNumber(-1), Long.MAX_VALUE, Long.fromNumber(65536), 0]);
  switch (r.int(18)) {
    case 0: if (init) init.dims = (init.dims ?? []).map((d) => (r.next() < 0.5 ? huge() : d)); break;
    case 1: if (init) init.dataType = r.int(26); break;
    case 2: if (init?.rawData?.length) init.rawData = init.rawData.subarray(0, r.int(init.rawData.length)); break;
    case 3: if (node?.input?.length) node.input[r.int(node.input.length)] = r.pick(['missing', ...nodes.flatMap((n) => n.output ?? [])]); break;
    case 4: if (node) node.opType = r.pick(OP_TYPES); break;
    case 5: {
      const a = node?.attribute?.length ? r.pick(node.attribute) : undefined;
      if (a) a.type = r.pick([AT.INT, AT.FLOAT, AT.INTS, AT.STRING, AT.GRAPH, AT.TENSOR, AT.UNDEFINED]);
      break;
    }
    case 6: {
      const v = g.input?.length ? r.pick(g.input) : undefined;
      const dims = v?.type?.tensorType?.shape?.dim;
      if (dims?.length) dims[r.int(dims.length)] = { dimValue: huge() };
      break;
    }
    case 7: if (m.opsetImport?.length) m.opsetImport[0]!.version = r.pick([0, 1, 6, 7, 22, 1000, -1]); break;
    case 8: m.irVersion = r.pick([0, 1, 2, 3, 11, 1000]); break;
    case 9: if (nodes.length) nodes.splice(r.int(nodes.length), 1); break;
    case 10: if (nodes.length > 1) nodes.reverse(); break;
    case 11: if (init) Object.assign(init, { dataLocation: onnx.TensorProto.DataLocation.EXTERNAL, externalData: [{ key: 'location', value: r.pick(['../../etc/passwd', '/etc/passwd', 'missing.bin', '']) }, { key: 'length', value: r.pick(['8', '-1', 'x', '1000000000000']) }] }); break;
    case 12:
      // A sparse initializer that claims a dense shape of 10^12 elements but carries one value.
      (g.sparseInitializer ??= []).push(onnx.SparseTensorProto.create({ dims: [Long.fromNumber(1e6), Long.fromNumber(1e6)], values: { name: 'sp', dataType: 1, dims: [1], floatData: [1] }, indices: { dataType: 7, dims: [1], int64Data: [Long.fromNumber(5)] } }));
      break;
    case 13: if (node) node.output = []; break;
    case 14:
    case 15: {
      // Attribute values out of range: axes, perms, kernel sizes, counts (reaches the kernels' own checks).
      const a = node?.attribute?.length ? r.pick(node.attribute) : undefined;
      const v = () => r.pick([-1, 0, 1, 3, 100, -100, 2 ** 31 - 1, -(2 ** 31), 1e6]);
      if (a?.type === AT.INT) a.i = v();
      else if (a?.type === AT.INTS && a.ints?.length) a.ints[r.int(a.ints.length)] = v();
      else if (a?.type === AT.FLOAT) a.f = r.pick([NaN, Infinity, -1, 0, 1e30]);
      break;
    }
    default:
      // Swapped operands: shape and dtype mismatches between a node's inputs.
      if (node?.input && node.input.length > 1) node.input.reverse();
      break;
  }
  return onnx.ModelProto.encode(m).finish();
}
