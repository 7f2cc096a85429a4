/**
 * File names made from tensor names (`run --output-dir`, `run --dump`): ONNX value names hold '/', ':' and
 * anything else, so every character outside [A-Za-z0-9._-] becomes '_', a leading dot becomes '_' (no hidden
 * files, no '..'), and an empty name becomes `fallback`. Long names are cut so the file name stays under
 * the 255 bytes file systems allow.
 */
const MAX_STEM = 200;

export function safeFileStem(name: string, fallback = 'output'): string {
  return (name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || fallback).slice(0, MAX_STEM);
}

/**
 * One distinct file name per tensor name: a stem that is already taken (compared without case, as macOS and
 * Windows file systems do) gets `~2`, `~3`, … appended. Returns name → file name, in the order given.
 */
export function uniqueFileNames(names: Iterable<string>, ext: string, fallback = 'value'): Map<string, string> {
  const taken = new Set<string>();
  const files = new Map<string, string>();
  for (const name of names) {
    const stem = safeFileStem(name, fallback);
    let file = `${stem}${ext}`;
    for (let n = 2; taken.has(file.toLowerCase()); n++) file = `${stem}~${n}${ext}`;
    taken.add(file.toLowerCase());
    files.set(name, file);
  }
  return files;
}
