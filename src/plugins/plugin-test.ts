/**
 * `hodu plugin test PATH|NAME`: loads a backend plugin in an isolated child process, checks its ABI and
 * SDK compatibility and declared capabilities, then runs every op it claims on seeded random inputs and
 * compares with the interp (the reference). A crash is a failed op, reported with signal and kernel.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import interp from '../backends/interp/index';
import { HoduError } from '../errors';
import type { DType } from '../ir/dtype';
import { Tensor, toNumbers } from '../ir/tensor';
import type { BackendPlugin } from '../sdk/backend';
import { kernelPrefix } from '../sdk/kernel-names';
import { nativeLoader } from './native-bridge';
import { probesFor } from './op-probes';
import { readPluginPackage } from './package-manifest';
import { jsSupports } from './backend-candidates';
import { readRegistry, type BackendSupports } from './plugins-json';

/** One case: one op, one dtype, one probe input, compared with the interp. */
interface CaseResult {
  op: string;
  dtype: DType;
  probe: string;
  status: 'passed' | 'failed' | 'skipped';
  maxAbsError?: number;
  detail?: string;
}

interface PluginTestReport {
  name: string;
  library?: string;
  abi?: number;
  sdkRange?: string;
  /** Native: the kernels its library exports (one per op and dtype, e.g. `relu_f32`). */
  kernels: string[];
  checks: { check: string; ok: boolean; detail: string }[];
  /** The ops (ONNX operators) that were tested. */
  ops: string[];
  /** Every case run: op × dtype × probe input. */
  cases: CaseResult[];
  tolerance: { rtol: number; atol: number };
  passed: boolean;
  /** Backends: what plugins.json records of it (kernels or declared ops), so `hodu run` can judge it unloaded. */
  supports?: BackendSupports;
}

/** float32 kernels may sum in another order than the interp: allow that much. */
const RTOL = 1e-4;
const ATOL = 1e-5;

/** A plugin under test: staged by install, or installed (by name from plugins.json, the result is recorded there). */
interface Target extends StagedPlugin {
  installed?: boolean;
  cleanup(): void;
}

/** NAME of an installed plugin, a plugin package folder (native sources built into a temp dir), or a built library. */
async function resolveTarget(target: string, debug: boolean): Promise<Target> {
  const registry = readRegistry();
  const installed = registry.plugins[target];
  // A bare name means an installed plugin (even if a folder of that name is here); `./demo` means the folder.
  const looksLikePath = target.includes('/') || target.startsWith('.') || target.endsWith('.so');
  if (installed && !looksLikePath) {
    const caps = installed.type === 'backend' ? installed.capabilities : undefined;
    return {
      name: target, kind: installed.library ? 'native' : 'js', type: installed.type, file: join(installed.path, installed.library ?? installed.entry!),
      sdkRange: installed.sdk, declaredOps: caps?.ops, declaredDtypes: caps?.dtypes as DType[] | undefined, installed: true, cleanup() {},
    };
  }
  const path = resolve(target);
  if (!existsSync(path)) {
    throw new HoduError('E_NOT_FOUND', `'${target}' is neither an installed plugin nor a path`, { hint: 'run `hodu plugin list`, or pass the plugin folder' });
  }
  if (statSync(path).isFile()) return { name: '', kind: 'native', type: 'backend', file: path, cleanup() {} };
  const pkg = readPluginPackage(path);
  const caps = pkg.hodu.type === 'backend' ? pkg.hodu.capabilities : undefined;
  const common = { name: pkg.name, type: pkg.hodu.type, sdkRange: pkg.hodu.sdk, declaredOps: caps?.ops, declaredDtypes: caps?.dtypes as DType[] | undefined };
  const native = pkg.hodu.native;
  if (!native) return { ...common, kind: 'js', file: join(path, pkg.hodu.entry!), cleanup() {} };
  if (pkg.hodu.type !== 'backend') throw new HoduError('E_PLUGIN_TEST', `${pkg.file}: native format plugins are not supported yet`, { hint: 'write format plugins in TypeScript/JavaScript ("entry")' });
  const { copyPackage } = await import('./copy-package');
  const dir = mkdtempSync(join(tmpdir(), 'hodu-plugin-test-'));
  let library: string;
  try {
    copyPackage(path, dir);
    const { buildNativePlugin } = await import('./build-native');
    library = await buildNativePlugin(pkg.name, dir, native, debug ? 'debug' : 'release', path);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return { ...common, kind: 'native', file: library, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function testPlugin(target: string, opts: { debug?: boolean; onCase?(r: CaseResult): void } = {}): Promise<PluginTestReport> {
  const t = await resolveTarget(target, opts.debug ?? false);
  try {
    const report = await runChecks(t, opts.onCase);
    // An installed plugin remembers its result: a pass makes it eligible for automatic selection again.
    if (t.installed) {
      const { fileChecksum } = await import('./store');
      const { recordPluginTest } = await import('./plugin-state');
      await recordPluginTest(t.name, { passed: report.passed, checksum: fileChecksum(t.file), summary: testSummary(report), supports: report.supports });
    }
    return report;
  } finally {
    t.cleanup();
  }
}

/** What `plugin install` tests: a plugin just built (native) or loaded (JS) in the staging folder. */
interface StagedPlugin {
  name: string;
  kind: 'native' | 'js';
  type: 'backend' | 'format';
  /** Native: the built library. JS: the entry module. */
  file: string;
  sdkRange?: string;
  declaredOps?: string[];
  declaredDtypes?: DType[];
}

/** `plugin test` of a staged copy (nothing is built, copied or recorded). */
export async function testStagedPlugin(p: StagedPlugin, onCase?: (r: CaseResult) => void): Promise<PluginTestReport> {
  return runChecks({ ...p, cleanup() {} }, onCase);
}

async function runChecks(t: Target, onCase?: (r: CaseResult) => void): Promise<PluginTestReport> {
  const report = t.kind === 'native' ? await nativeChecks(t) : await jsChecks(t);
  if (report.backend) {
    const ops = t.declaredOps ?? report.backend.capabilities.ops ?? [];
    report.ops = [...ops];
    for (const op of ops) {
      for (const dtype of t.declaredDtypes ?? ['float32']) {
        for (const result of await testOp(report.backend, op, dtype)) {
          report.cases.push(result);
          onCase?.(result);
        }
      }
    }
  }
  const { backend: _backend, ...rest } = report;
  rest.passed = rest.checks.every((c) => c.ok) && rest.cases.every((o) => o.status !== 'failed');
  return rest;
}

/** One line for plugins.json and install: the cases, plus failed checks and the first failure. */
export function testSummary(report: PluginTestReport): string {
  const failedChecks = report.checks.filter((c) => !c.ok).map((c) => `${c.check} check failed: ${c.detail}`);
  const firstFailure = report.cases.find((c) => c.status === 'failed');
  return [
    ...failedChecks,
    summarizeCases(report),
    ...(firstFailure ? [`first failure: ${firstFailure.op} ${firstFailure.dtype} ${firstFailure.probe}: ${firstFailure.detail ?? ''}`] : []),
  ].join('; ');
}

type Checked = PluginTestReport & { backend?: BackendPlugin };

/** A native backend: probed in a child first (a library that crashes at load is reported), then run isolated. */
async function nativeChecks(t: Target): Promise<Checked> {
  const native = await nativeLoader();
  const info = await native.probeIsolated(t.file, { name: t.name || nameFromLibrary(t.file) });
  const report = baseReport(t.name || info.name, t.file, { abi: info.abiVersion, sdkRange: info.sdkRange, kernels: info.kernels });
  report.checks.push({ check: 'abi', ok: true, detail: `ABI ${info.abiVersion} matches this hodu` });
  report.checks.push({ check: 'sdk', ok: true, detail: `SDK range ${info.sdkRange} accepts this hodu` });
  report.checks.push({ check: 'runner', ok: info.runner, detail: info.runner ? 'declares a runner' : 'does not declare a runner capability' });
  const ops = t.declaredOps ?? [...new Set(info.kernels.map(opOfKernel))];
  const missing = ops.filter((op) => !info.kernels.some((k) => k.startsWith(`${kernelPrefix(op)}_`)));
  report.checks.push({
    check: 'capabilities',
    ok: missing.length === 0,
    detail: missing.length ? `declares ${missing.join(', ')} but its library has no kernel for ${missing.length > 1 ? 'them' : 'it'}` : `${ops.length} declared ops all have kernels`,
  });
  t.declaredOps = ops;
  return { ...report, supports: { kernels: info.kernels }, backend: native.loadNativeBackend(t.file, info, { isolate: true }) };
}

/** A JS plugin: loaded in-process (it cannot crash the process the way native code can), shape-checked by the loader. */
async function jsChecks(t: Target): Promise<Checked> {
  const { loadJsPlugin } = await import('./js-loader');
  const { sdkCompatible } = await import('./sdk-compat');
  const { SDK_VERSION } = await import('../version');
  const report = baseReport(t.name, t.file, { sdkRange: t.sdkRange, kernels: [] });
  const sdkOk = t.sdkRange === undefined || sdkCompatible(t.sdkRange);
  report.checks.push({ check: 'sdk', ok: sdkOk, detail: sdkOk ? `SDK range ${t.sdkRange ?? '(any)'} accepts this hodu (${SDK_VERSION})` : `needs SDK ${t.sdkRange}, this hodu provides ${SDK_VERSION}` });
  if (t.type === 'backend') {
    const backend = await loadJsPlugin(t.file, 'backend', t.name);
    report.checks.push({ check: 'runner', ok: backend.capabilities.runner, detail: backend.capabilities.runner ? 'declares a runner' : 'does not declare a runner capability' });
    return { ...report, supports: jsSupports(backend), backend };
  }
  const format = await loadJsPlugin(t.file, 'format', t.name);
  const { formatChecks } = await import('./format-checks');
  report.checks.push(...(await formatChecks(format)));
  return report;
}

function baseReport(name: string, library: string, extra: Partial<PluginTestReport>): PluginTestReport {
  return { name, library, kernels: [], checks: [], ops: [], cases: [], tolerance: { rtol: RTOL, atol: ATOL }, passed: true, ...extra };
}

async function testOp(backend: BackendPlugin, op: string, dtype: DType): Promise<CaseResult[]> {
  const probes = probesFor(op, dtype);
  if (probes.length === 0) return [{ op, dtype, probe: '-', status: 'skipped', detail: 'hodu has no probe for this op yet' }];
  const results: CaseResult[] = [];
  for (const probe of probes) {
    const base = { op, dtype, probe: probe.label };
    try {
      const expected = (await (await interp.createSession(probe.model)).run(probe.feeds)).get('y') as Tensor;
      const session = await backend.createSession(probe.model);
      const actual = (await session.run(probe.feeds)).get('y');
      session.dispose?.();
      results.push({ ...base, ...compare(actual, expected) });
    } catch (e) {
      results.push({ ...base, status: 'failed', detail: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
}

function compare(actual: unknown, expected: Tensor): Pick<CaseResult, 'status' | 'maxAbsError' | 'detail'> {
  if (!(actual instanceof Tensor)) return { status: 'failed', detail: 'produced no tensor' };
  if (actual.dtype !== expected.dtype || actual.dims.join(',') !== expected.dims.join(',')) {
    return { status: 'failed', detail: `produced ${actual.dtype}[${actual.dims}], expected ${expected.dtype}[${expected.dims}]` };
  }
  const a = toNumbers(actual);
  const e = toNumbers(expected);
  let max = 0;
  for (let i = 0; i < e.length; i++) {
    const diff = Math.abs(a[i]! - e[i]!);
    if (Number.isNaN(a[i]!) !== Number.isNaN(e[i]!) || diff > ATOL + RTOL * Math.abs(e[i]!)) {
      return { status: 'failed', maxAbsError: diff, detail: `element ${i}: ${a[i]} vs interp ${e[i]}` };
    }
    max = Math.max(max, diff);
  }
  return { status: 'passed', maxAbsError: max };
}

function nameFromLibrary(path: string): string {
  return (path.split('/').pop() ?? path).replace(/^lib/, '').replace(/\.(so|dylib|dll)$/, '');
}

/** `mat_mul_f32` → `MatMul` is not recoverable in general; used only when the package declares no ops. */
function opOfKernel(kernel: string): string {
  const base = kernel.replace(/(_(f16|bf16|f32|f64|i8|i16|i32|i64|u8|u16|u32|u64|bool|str))+$/, '');
  return base.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "31 cases passed, 0 failed, 0 skipped (15 ops)": the words of docs/plugins.md (ops, kernels, cases). */
export function summarizeCases(report: Pick<PluginTestReport, 'ops' | 'cases'>): string {
  const passed = report.cases.filter((o) => o.status === 'passed').length;
  const failed = report.cases.filter((o) => o.status === 'failed').length;
  return `${plural(passed, 'case')} passed, ${failed} failed, ${report.cases.length - passed - failed} skipped (${plural(report.ops.length, 'op')})`;
}
