/**
 * Physical cores this process may use: distinct (physical_package_id, core_id) pairs in Linux's
 * /sys/devices/system/cpu/cpuN/topology over the CPUs of its affinity mask (Cpus_allowed_list), so
 * hyperthread siblings count once, capped by a cgroup CPU quota (a container limited to 2 CPUs of 64 gets
 * 2) — the count backend-cpu's threads.c reaches the same way. Never more than
 * navigator.hardwareConcurrency (the logical CPUs); elsewhere, or when /sys cannot tell, that count itself.
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
    const allowed = affinity();
    for (const name of readdirSync(root)) {
      if (!/^cpu\d+$/.test(name) || (allowed && !allowed.has(Number(name.slice(3))))) continue;
      const read = (f: string) => readFileSync(`${root}/${name}/topology/${f}`, 'utf8').trim();
      seen.add(`${read('physical_package_id')}:${read('core_id')}`);
    }
    cores = seen.size;
  } catch {
    cores = 0; // no /sys topology (not Linux, a restricted container): the logical count below
  }
  cached = cores > 0 ? Math.min(cores, logical) : logical;
  const quota = cgroupCpuQuota();
  if (quota > 0) cached = Math.min(cached, quota);
  return cached;
}

/** The CPUs this process may run on (Linux's /proc/self/status), or undefined when it cannot tell. */
function affinity(): Set<number> | undefined {
  try {
    const list = /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (!list) return undefined;
    const cpus = new Set<number>();
    for (const part of list.split(',')) {
      const [lo, hi = lo] = part.split('-').map(Number);
      for (let c = lo!; c <= hi!; c++) cpus.add(c);
    }
    return cpus;
  } catch {
    return undefined;
  }
}

/** CPUs' worth of time a cgroup quota allows, rounded up (v2's cpu.max, else v1's cfs quota); 0 without one. */
function cgroupCpuQuota(): number {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8').trim().split(/\s+/);
    } catch {
      return undefined;
    }
  };
  const group = /^0::(\S+)$/m.exec(read('/proc/self/cgroup')?.join('\n') ?? '')?.[1] ?? '/';
  const v2 = read(`/sys/fs/cgroup${group === '/' ? '' : group}/cpu.max`) ?? read('/sys/fs/cgroup/cpu.max');
  const [quota, period] = v2 ? [Number(v2[0]), Number(v2[1])] : [Number(read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us')?.[0]), Number(read('/sys/fs/cgroup/cpu/cpu.cfs_period_us')?.[0])];
  return quota > 0 && period > 0 ? Math.ceil(quota / period) : 0;
}
