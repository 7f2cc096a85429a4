#!/usr/bin/env bun
import { main } from './cli/main';
import { installInterruptHandlers } from './util/interrupt';

// Ctrl+C / SIGTERM: run the registered cleanups (temp downloads, plugin staging), then exit 128 + signal
// (130, 143); a second Ctrl+C exits at once. Sync writes are atomic (temp + rename) and need no cleanup.
installInterruptHandlers();
// `hodu run … | head`: a closed pipe is not an error worth a stack trace. (Not a listener on
// process.stdout: touching it costs ~15 ms of startup, LIBRARIES.md.)
process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
