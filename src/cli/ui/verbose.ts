/** Whether `--verbose` was given (the dispatcher strips it from argv): commands add detail to stderr with it. */
let verbose = false;

export function setVerbose(on: boolean): void {
  verbose = on;
}

export function isVerbose(): boolean {
  return verbose;
}
