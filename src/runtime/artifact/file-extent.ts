/**
 * Whether a shared library's file holds every byte its headers point at. dlopen maps the loadable segments
 * without checking that the file is that long, and the first touch of a page past its end kills the process
 * with SIGBUS: a copy cut short must be refused here, before dlopen. ELF (32/64-bit, either byte order):
 * program headers (PT_LOAD) and the section header table; Mach-O (64-bit): LC_SEGMENT_64 commands.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Headers larger than this are not a library hodu built (a real one has a few dozen entries). */
const MAX_HEADER_BYTES = 1 << 20;

function readAt(fd: number, offset: number, length: number): Uint8Array | undefined {
  if (length < 0 || length > MAX_HEADER_BYTES) return undefined;
  const bytes = new Uint8Array(length);
  return readSync(fd, bytes, 0, length, offset) === length ? bytes : undefined;
}

/** undefined when the file is whole; otherwise what is missing, for the error message. */
function elfProblem(fd: number, head: Uint8Array, size: number): string | undefined {
  const wide = head[4] === 2;
  const little = head[5] === 1;
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const word = (dv: DataView, at: number) => (wide ? Number(dv.getBigUint64(at, little)) : dv.getUint32(at, little));
  const phoff = word(v, wide ? 32 : 28);
  const shoff = word(v, wide ? 40 : 32);
  const phentsize = v.getUint16(wide ? 54 : 42, little);
  const phnum = v.getUint16(wide ? 56 : 44, little);
  const shentsize = v.getUint16(wide ? 58 : 46, little);
  const shnum = v.getUint16(wide ? 60 : 48, little);
  if (shoff && shoff + shentsize * shnum > size) return `its section headers end at byte ${shoff + shentsize * shnum}`;
  const table = readAt(fd, phoff, phentsize * phnum);
  if (!table || phentsize < (wide ? 56 : 32)) return `its program headers (at byte ${phoff}) cannot be read`;
  const t = new DataView(table.buffer);
  for (let i = 0; i < phnum; i++) {
    const at = i * phentsize;
    if (t.getUint32(at, little) !== 1) continue; // PT_LOAD
    const offset = word(t, at + (wide ? 8 : 4));
    const filesz = word(t, at + (wide ? 32 : 16));
    if (offset + filesz > size) return `segment ${i} ends at byte ${offset + filesz}`;
  }
  return undefined;
}

function machoProblem(fd: number, head: Uint8Array, size: number): string | undefined {
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (v.getUint32(0, true) !== 0xfeedfacf) return undefined; // 32-bit and fat files: dlopen's own check
  const sizeofcmds = v.getUint32(20, true);
  const cmds = readAt(fd, 32, sizeofcmds);
  if (!cmds) return `its load commands (${sizeofcmds} bytes) cannot be read`;
  const c = new DataView(cmds.buffer);
  for (let at = 0, n = v.getUint32(16, true); n > 0 && at + 8 <= cmds.length; n--) {
    const cmd = c.getUint32(at, true);
    const cmdsize = c.getUint32(at + 4, true);
    if (cmdsize < 8) return 'a load command is malformed';
    if (cmd === 0x19 && at + 56 <= cmds.length) {
      const end = Number(c.getBigUint64(at + 40, true) + c.getBigUint64(at + 48, true));
      if (end > size) return `a segment ends at byte ${end}`;
    }
    at += cmdsize;
  }
  return undefined;
}

/** What the file lacks (undefined when it holds every segment its header names, or is neither ELF nor Mach-O). */
export function truncation(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, 0, Math.min(64, size));
    if (!head || head.length < 64) return `the file has ${size} bytes, less than a header`;
    const problem = head[0] === 0x7f && head[1] === 0x45 ? elfProblem(fd, head, size) : machoProblem(fd, head, size);
    return problem && `${problem}, but the file has ${size} bytes`;
  } finally {
    closeSync(fd);
  }
}
