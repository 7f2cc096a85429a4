/**
 * Probing a native plugin library: architecture (from the file header, before dlopen), dlopen, the
 * `hodu_plugin_descriptor` symbol, the ABI version (read first, nothing else is touched when it differs)
 * and the SDK range (semver). Layout of the descriptor: ffi/hodu_plugin.h.
 */
import { CString, dlopen, FFIType, read, type Library, type Pointer, type Symbols } from 'bun:ffi';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import satisfies from 'semver/functions/satisfies';
import validRange from 'semver/ranges/valid';
import { HoduError } from '../../errors';
import { ABI_VERSION, ABI_VERSION_MIN, SDK_VERSION } from '../../version';
import { hostArch, libraryArch } from './arch';

export const DESCRIPTOR_SYMBOL = 'hodu_plugin_descriptor';

/** Capability flags of the descriptor (HODU_CAP_* in ffi/hodu_plugin.h). */
const CAP = { runner: 0x1, builder: 0x2, deviceCpu: 0x100, loadModel: 0x10000, saveModel: 0x20000, loadTensors: 0x40000, saveTensors: 0x80000 } as const;

export interface NativePluginInfo {
  /** Absolute path of the library. */
  path: string;
  name: string;
  version: string;
  type: 'backend' | 'format';
  abiVersion: number;
  /** The SDK semver range the plugin was written for. */
  sdkRange: string;
  /** Raw HODU_CAP_* flags, and what they mean. */
  flags: number;
  runner: boolean;
  builder: boolean;
  /** Whether its HoduBackendApi has a non-NULL `build` (read only from ABI 3 and later descriptors). */
  buildEntry: boolean;
  devices: string[];
  /** Kernel names the plugin implements (backends). */
  kernels: string[];
}

/** Offsets in HoduPluginDescriptor (64-bit): see ffi/hodu_plugin.h. */
export const DESCRIPTOR = { abi: 0, type: 4, sdkRange: 8, name: 16, version: 24, caps: 32, kernels: 40, backend: 48, format: 56 } as const;
/** Offsets of the entry points in HoduBackendApi (64-bit); `build` exists from ABI 3 (ABI 1 and 2 end at 32). */
export const BACKEND_API = { create: 0, run: 8, destroy: 16, supportsKernel: 24, build: 32 } as const;
/** The first ABI whose HoduBackendApi has `build`. */
const BUILD_ABI = 3;

/** The `build` entry point of a backend's HoduBackendApi at `api`, or null: never read from an ABI-1/2 struct (it ends before). */
export function buildEntryPoint(api: number | null, abiVersion: number): number | null {
  return api && abiVersion >= BUILD_ABI ? read.ptr(api as Pointer, BACKEND_API.build) || null : null;
}

const cstr = (p: number | null, what: string, where: string): string => {
  if (!p) throw new HoduError('E_PLUGIN_LOAD', `${where}: descriptor field '${what}' is NULL`, { hint: 'fill every descriptor field (use HODU_EXPORT_BACKEND_PLUGIN)' });
  return new CString(p as Pointer).toString();
};

/** The library name without `lib` and extension, used to name a plugin before its descriptor can be trusted. */
export function nameFromPath(libPath: string): string {
  return basename(libPath).replace(/^lib/, '').replace(/\.(so|dylib|dll)(\..*)?$/, '');
}

const DESCRIPTOR_EXPORT = { [DESCRIPTOR_SYMBOL]: { args: [], returns: FFIType.ptr } } as const;

const symbolMissing = (text: string) => /symbol/i.test(text) && /not found/i.test(text);

/**
 * dlopen + descriptor symbol, with friendly errors. The caller closes the returned library. `optional` names
 * exports the library may lack (hodu_backend_profile): looked up in the same dlopen, so a plugin is loaded once
 * however many of its exports are used; `optional` of the result holds those found. (When one is missing,
 * bun closes the failed open and the library is opened again with the descriptor alone.)
 */
export function openPluginLibrary<Extra extends Symbols = Record<never, never>>(
  libPath: string,
  name = nameFromPath(libPath),
  optional?: Extra,
): Library<typeof DESCRIPTOR_EXPORT> & { optional: Partial<Library<Extra>['symbols']> } {
  if (!existsSync(libPath)) {
    throw new HoduError('E_PLUGIN_LOAD', `plugin '${name}': library ${libPath} does not exist`, { hint: `rebuild it: hodu plugin rebuild ${name}` });
  }
  const arch = libraryArch(libPath);
  if (arch && arch !== hostArch()) {
    throw new HoduError('E_PLUGIN_ARCH', `plugin '${name}': ${libPath} was built for ${arch}, this is ${hostArch()}`, {
      hint: `rebuild it on this machine: hodu plugin rebuild ${name}`,
    });
  }
  try {
    if (optional && Object.keys(optional).length) {
      try {
        const lib = dlopen(libPath, { ...optional, ...DESCRIPTOR_EXPORT });
        // Typed apart: bun's types cannot split one generic symbol table into the descriptor and Extra.
        return { symbols: lib.symbols as Library<typeof DESCRIPTOR_EXPORT>['symbols'], close: () => lib.close(), optional: lib.symbols as unknown as Library<Extra>['symbols'] };
      } catch (e) {
        if (!symbolMissing(e instanceof Error ? e.message : String(e))) throw e;
      }
    }
    return Object.assign(dlopen(libPath, DESCRIPTOR_EXPORT), { optional: {} });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    if (symbolMissing(text)) {
      throw new HoduError('E_PLUGIN_SYMBOL', `plugin '${name}': ${libPath} does not export '${DESCRIPTOR_SYMBOL}'`, {
        hint: 'a hodu plugin defines it with HODU_EXPORT_BACKEND_PLUGIN(...) from hodu_plugin.h (see `hodu plugin new`)',
        cause: e,
      });
    }
    throw new HoduError('E_PLUGIN_LOAD', `plugin '${name}': cannot load ${libPath}: ${text}`, {
      hint: `rebuild it (hodu plugin rebuild ${name}); a missing dependency shows in \`ldd ${libPath}\``,
      cause: e,
    });
  }
}

/** Reads and checks the descriptor at `d` (ABI first). */
export function readDescriptor(d: number, libPath: string, fallbackName: string): NativePluginInfo {
  const abiVersion = read.u32(d as Pointer, DESCRIPTOR.abi);
  if (abiVersion < ABI_VERSION_MIN || abiVersion > ABI_VERSION) {
    throw new HoduError('E_PLUGIN_ABI', `plugin '${fallbackName}' was built for plugin ABI ${abiVersion}, this hodu speaks ABI ${ABI_VERSION} (and loads ABI ${ABI_VERSION_MIN} to ${ABI_VERSION})`, {
      hint: `rebuild it against this hodu's headers: hodu plugin rebuild ${fallbackName}`,
    });
  }
  const where = `plugin '${fallbackName}' (${libPath})`;
  const name = cstr(read.ptr(d as Pointer, DESCRIPTOR.name), 'name', where);
  const sdkRange = cstr(read.ptr(d as Pointer, DESCRIPTOR.sdkRange), 'sdk_range', where);
  if (!validRange(sdkRange)) {
    throw new HoduError('E_PLUGIN_SDK', `plugin '${name}' declares an invalid SDK range '${sdkRange}'`);
  }
  if (!satisfies(SDK_VERSION, sdkRange)) {
    throw new HoduError('E_PLUGIN_SDK', `plugin '${name}' needs hodu SDK ${sdkRange}, this hodu has SDK ${SDK_VERSION}`, {
      hint: `rebuild the plugin against this SDK (hodu plugin rebuild ${name}) or upgrade hodu to a version whose SDK satisfies ${sdkRange}`,
    });
  }
  const typeCode = read.u32(d as Pointer, DESCRIPTOR.type);
  if (typeCode !== 1 && typeCode !== 2) throw new HoduError('E_PLUGIN_LOAD', `${where}: unknown plugin type ${typeCode}`);
  const flags = Number(read.u64(d as Pointer, DESCRIPTOR.caps));
  const kernels: string[] = [];
  const list = read.ptr(d as Pointer, DESCRIPTOR.kernels);
  for (let i = 0; list && i < 100_000; i++) {
    const p = read.ptr(list as Pointer, i * 8);
    if (!p) break;
    kernels.push(new CString(p as Pointer).toString());
  }
  const api = typeCode === 1 ? read.ptr(d as Pointer, DESCRIPTOR.backend) : null;
  if (typeCode === 1 && !api) {
    throw new HoduError('E_PLUGIN_LOAD', `${where}: a backend plugin without backend entry points`, { hint: 'define it with HODU_EXPORT_BACKEND_PLUGIN' });
  }
  return {
    path: libPath,
    name,
    version: cstr(read.ptr(d as Pointer, DESCRIPTOR.version), 'version', where),
    type: typeCode === 1 ? 'backend' : 'format',
    abiVersion,
    sdkRange,
    flags,
    runner: (flags & CAP.runner) !== 0,
    builder: (flags & CAP.builder) !== 0,
    buildEntry: buildEntryPoint(api, abiVersion) !== null,
    devices: flags & CAP.deviceCpu ? ['cpu'] : [],
    kernels,
  };
}

/**
 * Opens a native plugin library and returns what its descriptor declares, or throws a HoduError:
 * E_PLUGIN_ARCH (built for another CPU), E_PLUGIN_LOAD (dlopen failed; the dlerror text is included),
 * E_PLUGIN_SYMBOL (no descriptor), E_PLUGIN_ABI (ABI version differs), E_PLUGIN_SDK (SDK range not met).
 * `name` (e.g. from plugins.json) is used in messages until the descriptor can be read.
 */
export function probeNativeLibrary(libPath: string, name = nameFromPath(libPath)): NativePluginInfo {
  const lib = openPluginLibrary(libPath, name);
  try {
    const d = lib.symbols[DESCRIPTOR_SYMBOL]() as number | null;
    if (!d) throw new HoduError('E_PLUGIN_LOAD', `plugin '${name}': ${DESCRIPTOR_SYMBOL}() returned NULL`);
    return readDescriptor(d, libPath, name);
  } finally {
    lib.close();
  }
}
