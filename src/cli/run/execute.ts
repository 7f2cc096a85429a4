import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { HoduError } from '../../errors';
import { Tensor } from '../../ir/tensor';
import { loadModelFile, saveTensorFile } from '../../formats/registry';
import { prepareModel } from '../../runtime/prepare';
import { checkRunOutputs } from '../../runtime/output-check';
import { runModel, type BackendChoice } from '../../runtime/run-model';
import type { RuntimeValue } from '../../sdk/backend';
import { withBackendSource, type SettingsFlags } from '../../config/settings';
import { writeFileAtomic } from '../../util/atomic-write';
import { checkWritableFile } from '../../util/check-writable';
import { ioError } from '../../util/fs-error';
import { safeFileStem } from '../../util/safe-file-name';
import { configureLogging, logger } from '../../util/log';
import { colors } from '../ui/colors';
import { err, formatShape, out, outJson } from '../ui/output';
import { tensorJson } from '../ui/tensor-json';
import { previewTensor, terminalLineWidth } from '../ui/tensor-preview';
import { runNotes } from './notes';
import { runBenchmark } from './benchmark';
import type { BenchmarkPlan } from '../../runtime/benchmark-options';
import { explanation, renderExplanation } from '../ui/partition-explain';
import { countedTimings, printProfile, profileReport, writeTrace } from './profile-report';
import { runProgressWanted, startRunProgress, type RunProgress } from '../ui/run-progress';
import { isBuiltModelPath } from '../../runtime/artifact/detect';
import { builtShapeError, prepareBuiltRun } from './built-model';
import { bindRunInputs, inputsJson } from './inputs';
import { outputTensors } from './output-tensors';
import type { ComparePlan } from './compare-options';
import { compareOutputs } from '../../runtime/compare/compare-outputs';
import { loadReference, mismatchError } from './expect';
import { comparisonJson, printComparison } from './compare-report';
import { checkDumpDir, encodeDumpFiles, exposeForDump, takeDumped } from './dump';
import { compareBackends } from './compare-backends';

export interface RunFlags {
  model: string;
  inputs: string[];
  output?: string;
  outputDir?: string;
  shapes: string[];
  /** --dim NAME=N: every input dim called NAME (src/cli/run/inputs.ts). */
  dims: string[];
  /** --fill [NAME=]SPEC: how generated inputs are filled (src/runtime/fill-spec.ts). */
  fills: string[];
  randomInputs: boolean;
  seed: number;
  /** --backend/--device/--threads/--max-memory as given (undefined: not on the command line). */
  settingsFlags: SettingsFlags;
  /** --isolate / --no-isolate; undefined when not given (isolated by default). */
  isolate?: boolean;
  /** Graph optimization level (src/passes/pipeline.ts). */
  optLevel: 0 | 1 | 2 | 3;
  profile: boolean;
  /** --profile-out: write the node timings as a Chrome trace (times nodes even without --profile). */
  profileOut?: string;
  /** --explain: the backend choice and the partitions (stderr, or "explain" in --json). */
  explain?: boolean;
  json: boolean;
  /** --benchmark: time the model (src/cli/run/benchmark.ts) instead of printing its outputs. */
  benchmark?: BenchmarkPlan;
  /** --dry-run: report what the run would do, compute nothing (src/cli/run/dry-run.ts). */
  dryRun?: boolean;
  /** --expect, --compare-backends, --dump (src/cli/run/compare-options.ts). */
  compare?: ComparePlan;
}

export async function executeRun(flags: RunFlags): Promise<void> {
  if (flags.dryRun) return (await import('./dry-run')).executeDryRun(flags);
  // The live line of a long run on a terminal (run-progress.ts); --benchmark reports its own way.
  const progress = startRunProgress(!flags.benchmark && runProgressWanted(flags));
  try {
    await execute(flags, progress);
  } finally {
    progress.stop();
  }
}

async function execute(flags: RunFlags, progress: RunProgress): Promise<void> {
  // Output paths and formats first: `--output out.txt` must not fail only after a long run.
  await checkRunOutputs(flags.output, flags.outputDir);
  if (flags.profileOut) checkWritableFile(flags.profileOut);
  checkDumpDir(flags.compare?.dump?.dir);
  const { loadSettings } = await import('../../config/index');
  const settings = await loadSettings(flags.settingsFlags);
  configureLogging(settings.log);
  const log = logger('run');
  const loadStart = performance.now();
  // A model built by `hodu build` (a .so) runs as built, on its own backend (built-model.ts says what that changes).
  const built = isBuiltModelPath(flags.model) ? await prepareBuiltRun(flags.model, settings, flags, (line) => log.debug(line)) : undefined;
  const exposed = built ? undefined : exposeForDump(await loadModelFile(flags.model), flags.compare?.dump);
  const model = built ? built.model : prepareModel(exposed!.model, flags.optLevel);
  const reference = flags.compare?.expect === undefined ? undefined : await loadReference(flags.compare.expect, model);
  const loadMs = performance.now() - loadStart;
  progress.phase('plan');
  for (const note of built?.notes ?? []) err(note);
  const bound = await bindRunInputs(model, flags).catch((e) => {
    throw built ? builtShapeError(e, flags.model) : e;
  });
  const { tensors: feeds, sequences } = bound;
  // --max-memory: checked on an estimate before the run, then on the real RSS while it runs (memory-limit.ts).
  const guard = settings.maxMemory.value === undefined ? undefined : await (await import('../../runtime/memory-limit')).guardMemory(model, feeds, settings.maxMemory, (line) => log.debug(line));
  const { backend, device } = settings;
  const threads = built ? { ...settings.threads, value: built.threads } : settings.threads;
  log.debug(backend.value ? `backend '${backend.value}' requested by ${backend.from}` : `backend: best available (nothing requested by flag, env or config)`);
  log.debug(`device '${device.value}' from ${device.from}, threads ${threads.value} from ${threads.from}`);
  if (flags.benchmark) {
    const ctx = { path: flags.model, json: flags.json, explain: flags.explain, isolate: flags.isolate, settings: { ...settings, threads }, loadMs, guard, onSelect: reportSelection, use: built?.use };
    return runBenchmark(model, new Map<string, RuntimeValue>([...feeds, ...sequences]), flags.benchmark, ctx);
  }
  if (flags.compare?.backends) {
    return compareBackends(model, new Map<string, RuntimeValue>([...feeds, ...sequences]), flags.compare.backends, { modelPath: flags.model, tol: flags.compare.tol, json: flags.json, device: device.value, threads: threads.value, isolate: flags.isolate, onSelect: reportSelection, inputs: inputsJson(model, bound, flags.seed), guard });
  }
  let choice: BackendChoice | undefined;
  const onSelect = (s: BackendChoice) => ((choice = s), reportSelection(s));
  const running = runModel(model, new Map<string, RuntimeValue>([...feeds, ...sequences]), { backend: backend.value, backendFrom: backend.from, device: device.value, threads: threads.value, isolate: flags.isolate, profile: flags.profile || Boolean(flags.profileOut), onSelect, use: built?.use, progress: { run: () => progress.phase('run'), node: progress.node } });
  const result = await (guard ? guard(running) : running).catch((e) => {
    throw withBackendSource(e, backend);
  });
  progress.stop();
  log.debug(`ran on backend '${result.backend}'`);
  for (const n of runNotes(result.backend, { isolate: flags.isolate, threads })) {
    if (n.explicit) err(n.text);
    else log.info(n.text);
  }
  const dumped = exposed?.dump && takeDumped(exposed.dump, result.outputs);
  const tensors = outputTensors(result.outputs);
  const expected = reference && compareOutputs(reference, tensors, flags.compare!.tol);
  if ((flags.profile || flags.profileOut) && !result.profile) err(`note: backend '${result.backend}' does not record per-node timings; --profile shows only the total`);
  const timings = countedTimings(result, model, feeds);
  // --profile-out --json: the tables go into the JSON too (the timings are there; stdout has no other place for them).
  const profile = (flags.profile || (flags.json && flags.profileOut)) && timings ? profileReport(result, timings) : undefined;
  const traceLayout = flags.profileOut ? writeTrace(flags.profileOut, timings ?? [], { model: flags.model, backend: result.backend }) : undefined;
  const explained = flags.explain ? explanation(result.backend, choice?.reason ?? '', result.partitions) : undefined;

  // Every file is encoded first (the awaits, where Ctrl+C can land, and any name clash), then all are written
  // in one synchronous stretch: an interrupted or failed run leaves either every output or none.
  const files: [path: string, bytes: Uint8Array][] = [];
  if (flags.output) files.push([flags.output, await saveTensorFile(flags.output, tensors)]);
  if (flags.outputDir) for (const f of await encodeOutputDir(flags.outputDir, tensors)) files.push(f);
  const dump = dumped && encodeDumpFiles(exposed!.dump!, flags.model, dumped);
  if (dump) for (const f of dump.files) files.push(f);
  for (const dir of [flags.outputDir, exposed?.dump?.dir]) {
    if (dir === undefined) continue;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw ioError(e, dir, 'create the folder');
    }
  }
  for (const [path, bytes] of files) writeFileAtomic(path, bytes);

  if (flags.json) {
    outJson({
      model: flags.model,
      backend: result.backend,
      runMs: round(result.runMs),
      inputs: inputsJson(model, bound, flags.seed),
      outputs: [...tensors].map(([name, t]) => tensorJson(name, t)),
      written: [flags.output, flags.outputDir, exposed?.dump?.dir, flags.profileOut].filter(Boolean),
      ...(profile ? { profile } : {}),
      ...(explained ? { explain: explained } : {}),
      ...(expected ? { expect: { reference: flags.compare!.expect, ...comparisonJson(expected) } } : {}),
      ...(dump ? { dump: { dir: exposed!.dump!.dir, values: Object.keys(dump.index.values).length, skipped: Object.keys(dump.index.skipped).length } } : {}),
    });
    if (expected && !expected.ok) throw mismatchError(expected, `outputs differ from ${flags.compare!.expect}`);
    return;
  }
  const c = await colors();
  if (explained) for (const line of renderExplanation(explained)) err(line);
  if (!flags.output && !flags.outputDir && !expected) {
    const lineWidth = terminalLineWidth();
    for (const [name, t] of tensors) {
      out(`${c.bold(name)}  ${c.cyan(t.dtype)}${formatShape(t.dims)}`);
      out(previewTensor(t, { lineWidth }));
      out();
    }
  }
  if (flags.output) err(`wrote ${tensors.size} output${tensors.size === 1 ? '' : 's'} to ${flags.output}`);
  if (flags.outputDir) err(`wrote ${tensors.size} .npy file${tensors.size === 1 ? '' : 's'} to ${flags.outputDir}`);
  if (dump) err(`dumped ${Object.keys(dump.index.values).length} value${Object.keys(dump.index.values).length === 1 ? '' : 's'} to ${exposed!.dump!.dir} (index.json names each)`);
  err(c.dim(`ran on ${result.backend} in ${round(result.runMs)} ms`));
  if (profile) await printProfile(profile);
  if (flags.profileOut) err(c.dim(`wrote trace to ${flags.profileOut}${traceLayout === 'sequential' ? ' (spans laid out one after another: the backend reports durations, not start times)' : ''}`));
  if (expected) await printComparison(`outputs against ${flags.compare!.expect}`, expected, flags.compare!.expect!);
  if (expected && !expected.ok) throw mismatchError(expected, `outputs differ from ${flags.compare!.expect}`);
}

/** Warnings about the backend (an untested plugin asked for by name…) always; which one and why with --verbose. */
async function reportSelection(s: BackendChoice): Promise<void> {
  const c = await colors();
  for (const note of s.notes) err(`${c.yellow('warning:')} ${note}`);
  const { isVerbose } = await import('../ui/verbose');
  if (isVerbose()) err(c.dim(`backend: ${s.backend} — ${s.reason}`));
}

/** One .npy per output (encoded, not written); names become file names with unsafe characters replaced. */
async function encodeOutputDir(dir: string, tensors: Map<string, Tensor>): Promise<[string, Uint8Array][]> {
  const used = new Map<string, string>();
  const files: [string, Uint8Array][] = [];
  for (const [name, t] of tensors) {
    const file = `${safeFileStem(name)}.npy`;
    const clash = used.get(file);
    if (clash !== undefined) {
      throw new HoduError('E_OUTPUT_NAME', `outputs '${clash}' and '${name}' map to the same file ${file}`);
    }
    used.set(file, name);
    const path = join(dir, file);
    files.push([path, await saveTensorFile(path, new Map([[name, t]]))]);
  }
  return files;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
