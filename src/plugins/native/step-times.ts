/**
 * The optional per-step timing export of a native backend (`hodu_backend_profile`, HODU_PROFILE_SYMBOL in
 * ffi/hodu_plugin.h, docs/abi.md): looked up by name apart from the descriptor, so a plugin without it (the
 * template, an older build) still loads and its runs are timed as a whole. Also turns a manifest's step times
 * into the per-node timings `hodu run --profile` shows.
 */
import { FFIType, type Pointer } from 'bun:ffi';
import type { NodeTiming } from '../../sdk/backend';
import type { DispatchManifest } from '../../sdk/manifest';

const PROFILE_SYMBOL = 'hodu_backend_profile';

/** The export's signature, for openPluginLibrary's optional symbols (the library is opened once, by the binding). */
export const PROFILE_EXPORT = { [PROFILE_SYMBOL]: { args: [FFIType.ptr, FFIType.i32, FFIType.ptr, FFIType.u32], returns: FFIType.i32 } } as const;

type ProfileFn = (handle: Pointer, enable: number, times: Uint8Array | null, cap: number) => number;

/** One step of the last timed run (HoduStepTime): `fusedInto` is -1, or the step whose kernel computed this one. */
export interface StepTime {
  ns: number;
  fusedInto: number;
}

/** HoduStepTime: u64 ns, i32 fused_into, u32 reserved. */
const STEP_TIME_SIZE = 16;

export class StepTimer {
  private constructor(private readonly fn: ProfileFn) {}

  /** A timer over the export as the plugin's library was opened with it (PROFILE_EXPORT), or undefined when it has none. */
  static from(optional: { [PROFILE_SYMBOL]?: ProfileFn }): StepTimer | undefined {
    const fn = optional[PROFILE_SYMBOL];
    return fn ? new StepTimer(fn) : undefined;
  }

  /** Turns timing on for a handle's next runs; false when the plugin could not (out of memory). */
  enable(handle: number): boolean {
    return this.fn(handle as Pointer, 1, null, 0) >= 0;
  }

  /** The step times of the handle's last timed run, or undefined when timing is off. */
  read(handle: number, steps: number): StepTime[] | undefined {
    const bytes = new Uint8Array(Math.max(1, steps) * STEP_TIME_SIZE);
    const count = this.fn(handle as Pointer, -1, bytes, steps);
    if (count < 0) return undefined;
    const view = new DataView(bytes.buffer);
    return Array.from({ length: Math.min(count, steps) }, (_, i) => ({
      ns: Number(view.getBigUint64(i * STEP_TIME_SIZE, true)),
      fusedInto: view.getInt32(i * STEP_TIME_SIZE + 8, true),
    }));
  }
}

/**
 * One timing per step that ran (a step fused into another is named in that one's `fused`, its op joined to
 * the op: `Conv+Relu`). `opOf` gives a node's op from its name; a node it does not know shows its kernel.
 */
export function stepNodeTimings(manifest: DispatchManifest, times: readonly StepTime[], opOf: (node: string) => string | undefined, backend: string): NodeTiming[] {
  const entries = new Map<number, NodeTiming>();
  manifest.steps.forEach((step, i) => {
    const t = times[i];
    if (!t) return;
    const op = opOf(step.node) ?? step.kernel;
    const owner = t.fusedInto >= 0 && t.fusedInto !== i ? entries.get(t.fusedInto) : undefined;
    if (owner) {
      owner.fused = [...(owner.fused ?? []), { node: step.node, op }];
      owner.op = `${owner.op}+${op}`;
    } else entries.set(i, { node: step.node, op, ms: t.ns / 1e6, backend });
  });
  return [...entries.values()];
}
