import { extname } from 'node:path';
import { HoduError } from '../errors';
import type { Model } from '../ir/graph';
import type { FormatPlugin, TensorMap } from '../sdk/format';
import { readBytes } from './read-bytes';
import { EMBEDDED_FORMATS, type EmbeddedFormatName } from '../embedded-plugins';

export { readBytes };

interface EmbeddedFormat {
  extensions: string[];
  tensorExtensions?: string[];
  load: () => Promise<FormatPlugin>;
}

/**
 * Embedded format plugins, loaded lazily by name. `tensorExtensions`: for a plugin that reads both models and
 * tensors, the extensions whose files hold tensors (onnx: `.pb` is one TensorProto, as in the ONNX test data).
 */
const LOADERS: Record<EmbeddedFormatName, EmbeddedFormat> = {
  onnx: { extensions: ['.onnx', '.pb'], tensorExtensions: ['.pb'], load: async () => (await import('./onnx/index')).default },
  npy: { extensions: ['.npy'], load: async () => (await import('./npy/index')).default },
  npz: { extensions: ['.npz'], load: async () => (await import('./npz/index')).default },
  safetensors: { extensions: ['.safetensors'], load: async () => (await import('./safetensors/index')).default },
};
/** The same entries, indexed by any name a user types. */
const EMBEDDED: Record<string, EmbeddedFormat> = LOADERS;

const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function embeddedFormatNames(): string[] {
  return [...EMBEDDED_FORMATS];
}

export async function loadFormat(name: string): Promise<FormatPlugin> {
  const entry = EMBEDDED[name];
  if (!entry) throw new HoduError('E_NO_FORMAT', `no format plugin named '${name}'`, { hint: `known formats: ${Object.keys(EMBEDDED).join(', ')}` });
  return entry.load();
}

/** Whether `path` names a tensor file (else a model file) for a format, judged by its capabilities and extension. */
export function holdsTensors(fmt: FormatPlugin, path: string): boolean {
  const models = fmt.capabilities.loadModel || fmt.capabilities.saveModel;
  const tensors = fmt.capabilities.loadTensors || fmt.capabilities.saveTensors;
  if (!models || !tensors) return tensors;
  return EMBEDDED[fmt.name]?.tensorExtensions?.includes(extname(path).toLowerCase()) ?? false;
}

/** Picks a format by extension, then by magic bytes (so a misnamed .npy still loads). */
export async function formatFor(path: string, bytes?: Uint8Array): Promise<FormatPlugin> {
  const ext = extname(path).toLowerCase();
  if (bytes) {
    if (startsWith(bytes, NPY_MAGIC)) return loadFormat('npy');
    if (startsWith(bytes, ZIP_MAGIC) && ext !== '.onnx') return loadFormat('npz');
  }
  for (const entry of Object.values(EMBEDDED)) if (entry.extensions.includes(ext)) return entry.load();
  const installed = await installedFormatFor(ext, bytes);
  if (installed) return installed;
  throw new HoduError('E_NO_FORMAT', `${path}: unknown file type '${ext || '(no extension)'}'`, {
    hint: `supported: ${Object.values(EMBEDDED).flatMap((e) => e.extensions).join(', ')}; more with \`hodu plugin install\``,
  });
}

/** An installed format plugin that claims the extension or the leading bytes (only read when nothing embedded does). */
async function installedFormatFor(ext: string, bytes?: Uint8Array): Promise<FormatPlugin | undefined> {
  const { listInstalledPlugins, loadInstalledFormat } = await import('../plugins/installed');
  const { decodeMagic } = await import('../plugins/package-manifest');
  let plugins: ReturnType<typeof listInstalledPlugins>;
  try {
    plugins = listInstalledPlugins();
  } catch {
    return undefined; // a corrupt plugins.json is reported by `hodu plugin list`, not by every file lookup
  }
  for (const p of plugins) {
    if (p.type !== 'format' || p.status !== 'ok' || p.disabled) continue;
    const byMagic = bytes !== undefined && (decodeMagic(p.capabilities.magic) ?? []).some((m) => m.every((b, i) => bytes[i] === b));
    if (p.capabilities.extensions.includes(ext) || byMagic) return loadInstalledFormat(p.name);
  }
  return undefined;
}

export async function loadModelFile(path: string): Promise<Model> {
  const bytes = readBytes(path);
  const fmt = await formatFor(path, bytes);
  if (!fmt.loadModel || holdsTensors(fmt, path)) {
    const what = fmt.name === 'onnx' ? `a ${extname(path)} file holds one ONNX tensor (TensorProto)` : `a ${fmt.name} file holds tensors`;
    throw new HoduError('E_NOT_A_MODEL', `${path}: ${what}, not a model`);
  }
  return fmt.loadModel(bytes, { path });
}

/** Tensor-or-model detection for commands that accept both (inspect). */
export async function loadAnyFile(path: string): Promise<{ kind: 'model'; model: Model } | { kind: 'tensors'; format: string; tensors: TensorMap }> {
  const bytes = readBytes(path);
  const fmt = await formatFor(path, bytes);
  if (fmt.loadTensors && holdsTensors(fmt, path)) return { kind: 'tensors', format: fmt.name, tensors: await fmt.loadTensors(bytes, { path }) };
  if (fmt.loadModel) return { kind: 'model', model: await fmt.loadModel(bytes, { path }) };
  throw new HoduError('E_NO_FORMAT', `${path}: the ${fmt.name} format plugin cannot read files`, { hint: 'it only writes them' });
}

export async function loadTensorFile(path: string): Promise<TensorMap> {
  const bytes = readBytes(path);
  const fmt = await formatFor(path, bytes);
  if (!fmt.loadTensors || !holdsTensors(fmt, path)) {
    throw new HoduError('E_NOT_TENSORS', `${path} is ${fmt.name === 'onnx' ? 'an ONNX model' : `a ${fmt.name} file`}, not a tensor file`, { hint: 'tensor files (inputs, references) are .npy, .npz, .safetensors or .pb (one ONNX TensorProto)' });
  }
  return fmt.loadTensors(bytes, { path });
}

export async function saveTensorFile(path: string, tensors: TensorMap): Promise<Uint8Array> {
  const fmt = await formatFor(path);
  if (!fmt.saveTensors || !holdsTensors(fmt, path)) {
    throw new HoduError('E_NOT_TENSORS', `${path}: cannot write tensors as ${fmt.name === 'onnx' ? `${extname(path)} (an ONNX model file)` : fmt.name}`, {
      hint: 'write tensors as .npz, .safetensors, .npy (one tensor) or .pb (one ONNX TensorProto)',
    });
  }
  return fmt.saveTensors(tensors, { path });
}
