/**
 * Physical cores of this machine: distinct (physical_package_id, core_id) pairs in Linux's
 * /sys/devices/system/cpu/cpuN/topology, so hyperthread siblings count once (the count backend-cpu's
 * threads.c reaches the same way). Never more than navigator.hardwareConcurrency (the logical CPUs);
 * elsewhere, or when /sys cannot tell, that count itself.
 */
import { readdirSync, readFileSync } from 'node:fs';

let cached: number | undefined;

/** The threads a native backend session is created with: the count asked for, else the physical cores. */
export function nativeThreads(asked: number | undefined): number {
  return asked && asked > 0 ? asked : physicalCores();
}

function physicalCores(): number {
  if (cached !== undefined) return cached;
  const logical = navigator.hardwareConcurrency || 1;
  let cores = 0;
  try {
    const root = '/sys/devices/system/cpu';
    const seen = new Set<string>();
    for (const name of readdirSync(root)) {
      if (!/^cpu\d+$/.test(name)) continue;
      const read = (f: string) => readFileSync(`${root}/${name}/topology/${f}`, 'utf8').trim();
      seen.add(`${read('physical_package_id')}:${read('core_id')}`);
    }
    cores = seen.size;
  } catch {
    cores = 0; // no /sys topology (not Linux, a restricted container): the logical count below
  }
  cached = cores > 0 ? Math.min(cores, logical) : logical;
  return cached;
}
