/**
 * process.stderr with a closed reader tolerated. `hodu run … 2>&1 | head -2` closes the pipe before the last
 * diagnostic line; Bun then emits an EPIPE 'error' event on the stream, and with no listener it turns the
 * exit code into 1 after a run that succeeded. A line nobody can read is simply dropped; the process keeps
 * its own status. (stdout goes through console.log, which already ignores EPIPE.)
 *
 * The listener is attached on first use, not at startup: touching process.stderr costs ~15 ms
 * (measured in the compiled binary), and `hodu --version` must not pay it.
 */
let guarded = false;

function stderr(): NodeJS.WriteStream {
  const stream = process.stderr;
  if (!guarded) {
    guarded = true;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  return stream;
}

/** Writes one line to stderr (see above for a closed pipe). */
export function writeStderrLine(line: string): void {
  stderr().write(`${line}\n`);
}
