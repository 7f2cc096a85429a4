/**
 * One official test case on backend-cpu (`--backend cpu`): the model prepared as for the interp runner, run
 * through the native backend session, outputs compared at the interp runner's tolerances. A test whose ops
 * have no kernel in the plugin's list is not claimed (not run). A test the backend declines, at create()
 * (an attribute, dtype or shape its kernel does not handle) or because no kernel has the node's dtypes or
 * the host cannot plan it statically, is "refused": reported, not failed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HoduError } from '../../src/errors';
import { decodeModel } from '../../src/formats/onnx/decode';
import type { Model } from '../../src/ir/graph';
import { prepareModel } from '../../src/runtime/prepare';
import { unclaimedOps, type CpuBackend } from './cpu-backend';
import { compareSets, modelOps } from './runner';

export type CpuOutcome =
  | { status: 'passed' | 'unclaimed'; ops: string; reason?: string }
  | { status: 'refused' | 'failed' | 'skipped'; ops: string; reason: string };

/** A backend error that is a refusal (the interp would run the node instead), with the reason; else undefined. */
export function refusal(e: unknown): string | undefined {
  if (!(e instanceof HoduError)) return undefined;
  if (e.code === 'E_UNSUPPORTED_KERNEL') return `no kernel: ${e.message}`;
  if (e.code === 'E_PLAN') return `cannot plan: ${e.message}`;
  if ((e.code === 'E_PLUGIN_REFUSED' || e.code === 'E_PLUGIN') && e.message.includes('could not prepare the model')) return `create() refused: ${e.message.replace(/^.*could not prepare the model: /, '')}`;
  return undefined;
}

export async function runCaseOnCpu(caseDir: string, cpu: CpuBackend): Promise<CpuOutcome> {
  let model: Model;
  try {
    model = prepareModel(decodeModel(readFileSync(join(caseDir, 'model.onnx')), { path: join(caseDir, 'model.onnx') }));
  } catch (e) {
    return { status: 'failed', ops: '?', reason: `load: ${(e as Error).message}` };
  }
  const ops = [...modelOps(model)].join('+');
  const missing = unclaimedOps(model, cpu.kernels);
  if (missing.length) return { status: 'unclaimed', ops, reason: `no kernel for ${missing.join(', ')}` };
  const session = await cpu.plugin.createSession(model);
  try {
    const outcome = await compareSets(caseDir, model, session, (e, set) => {
      const why = refusal(e);
      return why === undefined ? undefined : ({ status: 'refused', reason: `${set}: ${why}` } as const);
    });
    return outcome.status === 'passed' ? { status: 'passed', ops } : { ...outcome, ops };
  } finally {
    session.dispose?.();
  }
}
