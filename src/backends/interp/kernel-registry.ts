import { indexByOp, opKey } from '../../ops/registry';
import type { Kernel, KernelDef } from './kernel';
import { INTERP_KERNELS } from './kernels/index';

// Built on first use from the generated list (kernels/index.ts), so a lookup never depends on import order.
let kernels: Map<string, KernelDef> | undefined;
function kernelMap(): Map<string, KernelDef> {
  kernels ??= indexByOp(INTERP_KERNELS, 'interp kernel');
  return kernels;
}

export function getKernel(op: string, domain = ''): Kernel | undefined {
  return kernelMap().get(opKey(domain, op))?.run;
}

export function kernelOps(): string[] {
  return [...kernelMap().values()].map((k) => k.op).sort();
}
