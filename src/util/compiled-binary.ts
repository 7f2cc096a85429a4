/**
 * Whether this process is a `bun build --compile` binary: its modules then live in Bun's embedded file system
 * (`/$bunfs/…`, `B:/~BUN/…` on Windows). Read from this module's own URL, so it holds on the main thread and in
 * Worker threads alike.
 */
export function isCompiledBinary(): boolean {
  const url = import.meta.url;
  return url.includes('$bunfs') || url.includes('~BUN');
}
