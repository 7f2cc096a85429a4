#!/usr/bin/env bun
import { main } from './cli/main';

// Ctrl+C: exit 130 (128 + SIGINT). Writes in flight are atomic (temp + rename), so nothing is left half-written.
process.on('SIGINT', () => process.exit(130));
// `hodu run … | head`: a closed pipe is not an error worth a stack trace.
process.stdout.on?.('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

process.exitCode = await main(process.argv.slice(2));
