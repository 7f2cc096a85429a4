/** `hodu doctor`: every check, run concurrently; the CLI renders the results. */
import { HoduError } from '../errors';
import { loadConfig } from '../config/load';
import { hoduHome } from '../plugins/paths';
import { resolveSettings } from '../runtime/settings';
import { binaryCheck } from './check-binary';
import { cacheCheck, diskCheck, homeCheck } from './check-home';
import { completionsCheck } from './check-completions';
import { configCheck } from './check-config';
import { registryCheck, updateCheck } from './check-network';
import { pluginsCheck } from './check-plugins';
import { compilerCheck, crossCompilerCheck, gitCheck } from './check-tools';
import { runChecks } from './run-checks';
import type { CheckResult, DoctorCheck, DoctorContext } from './types';

export type { CheckResult, CheckStatus } from './types';

export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  binaryCheck,
  homeCheck,
  configCheck,
  pluginsCheck,
  compilerCheck,
  crossCompilerCheck,
  gitCheck,
  registryCheck,
  updateCheck,
  diskCheck,
  cacheCheck,
  completionsCheck,
];

/** Builds the context (an invalid config or environment is reported by a check, not thrown). */
export async function doctorContext(env: Record<string, string | undefined> = process.env): Promise<DoctorContext> {
  const home = hoduHome();
  let configError: Error | undefined;
  let config = {};
  try {
    config = await loadConfig();
  } catch (e) {
    if (!(e instanceof HoduError)) throw e;
    configError = e;
  }
  let settings;
  try {
    settings = resolveSettings({ env, config, home });
  } catch (e) {
    if (!(e instanceof HoduError)) throw e;
    configError ??= e;
    settings = resolveSettings({ config, home });
  }
  return { env, home, execPath: process.execPath, settings, configError };
}

export async function runDoctor(): Promise<CheckResult[]> {
  return runChecks(DOCTOR_CHECKS, await doctorContext());
}
