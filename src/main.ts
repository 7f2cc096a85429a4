#!/usr/bin/env bun
import { main } from './cli/main';
import { installInterruptHandlers } from './util/interrupt';

// Ctrl+C / SIGTERM: run the registered cleanups (temp downloads, plugin staging), then exit 128 + signal
// (130, 143); a second Ctrl+C exits at once. Sync writes are atomic (temp + rename) and need no cleanup.
installInterruptHandlers();
// `hodu run … | head`: a closed pipe is not an error worth a stack trace, nor a reason to stop or to
// change the exit code: the command finishes (its outputs are written) and exits with its own status.
// stderr writers use src/util/stderr.ts (a lazy EPIPE listener); this catches any other stream.
process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') return;
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
