/**
 * Which CPU a shared library was built for, read from its header before dlopen: dlopen's own message for
 * a foreign library ("wrong ELF class", "cannot open shared object file") does not say what is wrong.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** ELF e_machine → our architecture names (the ones `uname -m` prints). */
const ELF_MACHINES: Record<number, string> = {
  0x03: 'x86', 0x08: 'mips', 0x14: 'ppc', 0x15: 'ppc64', 0x16: 's390x', 0x28: 'arm', 0x3e: 'x86_64',
  0xb7: 'aarch64', 0xf3: 'riscv64', 0x102: 'loongarch64',
};
/** Mach-O cputype → architecture name. */
const MACHO_CPUS: Record<number, string> = { 0x01000007: 'x86_64', 0x0100000c: 'aarch64', 7: 'x86', 12: 'arm' };
/** process.arch → the same vocabulary. */
const NODE_ARCHES: Record<string, string> = {
  x64: 'x86_64', arm64: 'aarch64', ia32: 'x86', arm: 'arm', riscv64: 'riscv64', ppc64: 'ppc64', s390x: 's390x', loong64: 'loongarch64',
};

export function hostArch(): string {
  return NODE_ARCHES[process.arch] ?? process.arch;
}

/** The architecture in the file's ELF or Mach-O header; undefined when the file is neither (or unreadable). */
export function libraryArch(path: string): string | undefined {
  const head = new Uint8Array(64);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, head, 0, 64, 0);
    if (n < 20) return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const v = new DataView(head.buffer);
  if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
    const little = head[5] === 1;
    const machine = v.getUint16(18, little);
    return ELF_MACHINES[machine] ?? `ELF machine 0x${machine.toString(16)}`;
  }
  const magic = v.getUint32(0, true);
  if (magic === 0xfeedfacf || magic === 0xfeedface) {
    const cpu = v.getUint32(4, true);
    return MACHO_CPUS[cpu] ?? `Mach-O cpu 0x${cpu.toString(16)}`;
  }
  return undefined;
}
