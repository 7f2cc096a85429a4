/** config.toml parses and validates (the error already names the line, key and expected type). */
import { existsSync } from 'node:fs';
import { configPath } from '../config/load';
import type { DoctorCheck } from './types';

export const configCheck: DoctorCheck = {
  id: 'config',
  title: 'configuration',
  async run(ctx) {
    const path = configPath();
    if (ctx.configError) return { status: 'error', detail: ctx.configError.message, hint: (ctx.configError as { hint?: string }).hint };
    if (!existsSync(path)) return { status: 'ok', detail: `${path} does not exist (defaults in use)` };
    return { status: 'ok', detail: `${path} is valid` };
  },
};
