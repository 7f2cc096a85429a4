#!/usr/bin/env bun
import { main } from './cli/main';

// Ctrl+C: exit 130 (128 + SIGINT). Writes in flight are atomic (temp + rename), so nothing is left half-written.
process.on('SIGINT', () => process.exit(130));
// `hodu run … | head`: a closed pipe is not an error worth a stack trace. (Not a listener on
// process.stdout: touching it costs ~15 ms of startup, LIBRARIES.md.)
process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
