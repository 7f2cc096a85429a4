/**
 * `hodu run --dry-run`: the report of src/runtime/dry-run/run.ts on stdout (text, or the object itself with
 * --json), then exit 0 when the model can run and 1 (E_UNSUPPORTED_OP, the missing ops listed) when no
 * backend can, the interp fallback included. Nothing is computed and no output file is written.
 */
import { HoduError } from '../../errors';
import { parseShapeOverride } from '../../runtime/shape-spec';
import { parseDimBinding } from '../../runtime/dim-bindings';
import { parseFillSpec } from '../../runtime/fill-spec';
import { isBuiltModelPath } from '../../runtime/artifact/detect';
import type { DryRunReport } from '../../runtime/dry-run/run';
import { nativeThreads } from '../../util/physical-cores';
import { out, outJson } from '../ui/output';
import { renderDryRun } from './dry-run-text';
import type { RunFlags } from './execute';

/** The run's own flags that decide what a run would do (the rest are refused with --dry-run: flag-conflicts.ts). */
type DryRunFlags = Pick<RunFlags, 'model' | 'inputs' | 'shapes' | 'dims' | 'fills' | 'randomInputs' | 'seed' | 'settingsFlags' | 'isolate' | 'optLevel' | 'profile' | 'json' | 'output' | 'outputDir'>;

export async function executeDryRun(flags: DryRunFlags): Promise<void> {
  // Nothing is written, but an --output the run could not write (out.txt, a folder) would fail it: say so now.
  await (await import('../../runtime/output-check')).checkRunOutputs(flags.output, flags.outputDir);
  const { loadSettings } = await import('../../config/index');
  const settings = await loadSettings(flags.settingsFlags);
  const { configureLogging } = await import('../../util/log');
  configureLogging(settings.log);
  const built = isBuiltModelPath(flags.model) ? await (await import('./built-model')).prepareBuiltRun(flags.model, settings, flags, () => {}) : undefined;
  const { dryRun } = await import('../../runtime/dry-run/run');
  const { backend, device, threads, maxMemory } = settings;
  const report = await dryRun({
    model: flags.model,
    inputs: flags.inputs,
    shapes: new Map(flags.shapes.map((s) => {
      const { name, dims } = parseShapeOverride(s);
      return [name, dims] as const;
    })),
    dims: flags.dims.map(parseDimBinding),
    fills: flags.fills.map(parseFillSpec),
    seed: flags.seed,
    randomInputs: flags.randomInputs,
    optLevel: flags.optLevel,
    backend: built ? undefined : backend.value,
    backendFrom: backend.from,
    device: device.value,
    threads: { value: threads.value, from: threads.from, native: built ? built.threads : nativeThreads(threads.value) },
    isolate: flags.isolate,
    bodiesOnInterp: flags.profile ? 'with --profile, If/Loop/Scan bodies run on the interp' : maxMemory.value !== undefined ? 'with --max-memory, If/Loop/Scan bodies run on the interp' : undefined,
    maxMemory: maxMemory.value,
    built: built && { model: built.model, use: built.use, optLevel: (await builtOptLevel(flags.model)) ?? flags.optLevel },
  });
  if (flags.json) outJson(report);
  else for (const line of renderDryRun(report)) out(line);
  failIfCannotRun(report);
}

async function builtOptLevel(path: string): Promise<number | undefined> {
  const { readBuiltModel } = await import('../../runtime/artifact/index');
  return readBuiltModel(path).info.opt_level;
}

/** Exit 1 (after the report) when the model cannot run: the ops no backend has, or every backend's reason. */
function failIfCannotRun(report: DryRunReport): void {
  if (report.canRun) return;
  const what = report.missingOps.length ? `no backend (the interp fallback included) runs op${report.missingOps.length === 1 ? '' : 's'} ${report.missingOps.join(', ')}` : report.reason;
  throw new HoduError('E_UNSUPPORTED_OP', `${report.model} cannot run: ${what}`, {
    hint: 'a custom-domain op needs a backend plugin that implements it (`hodu ops` lists what each backend has)',
  });
}
