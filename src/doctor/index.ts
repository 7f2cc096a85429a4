/** `hodu doctor`: every check, run concurrently; the CLI renders the results. */
import { HoduError } from '../errors';
import { configProblemsError, readConfigFile } from '../config/load';
import type { HoduConfig } from '../config/keys';
import { validateConfig, type ConfigProblem } from '../config/schema';
import { hoduHome } from '../home';
import { resolveSettings } from '../config/settings';
import { binaryCheck } from './check-binary';
import { diskCheck, homeCheck } from './check-home';
import { completionsCheck } from './check-completions';
import { configCheck } from './check-config';
import { cpuBackendCheck } from './check-cpu-backend';
import { updateCheck } from './check-network';
import { pluginsCheck } from './check-plugins';
import { compilerCheck } from './check-tools';
import { runChecks } from './run-checks';
import type { CheckResult, DoctorCheck, DoctorContext } from './types';


// Only what affects a command that exists: a warning about a tool or URL nothing uses yet would make a
// working install look broken.
const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  binaryCheck,
  homeCheck,
  configCheck,
  pluginsCheck,
  cpuBackendCheck,
  compilerCheck,
  updateCheck,
  diskCheck,
  completionsCheck,
];

/** Builds the context (an invalid config or environment is reported by a check, not thrown). */
async function doctorContext(env: Record<string, string | undefined> = process.env): Promise<DoctorContext> {
  const home = hoduHome();
  let configError: Error | undefined;
  let config: HoduConfig = {};
  try {
    const file = await readConfigFile();
    const check = validateConfig(file.data);
    if (check.ok) config = check.config;
    else {
      configError = configProblemsError(file.path, file.text, check.problems);
      // The valid keys still apply (a bad `threads` must not hide the update URL from its check).
      config = validPart(file.data, check.problems);
    }
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

/** The config without the keys that have problems (sections that are not tables are dropped whole). */
function validPart(data: Record<string, unknown>, problems: ConfigProblem[]): HoduConfig {
  const copy: Record<string, unknown> = {};
  for (const [section, body] of Object.entries(data)) {
    if (problems.some((p) => p.key === section) || !body || typeof body !== 'object') continue;
    copy[section] = Object.fromEntries(Object.entries(body).filter(([k]) => !problems.some((p) => p.key === `${section}.${k}`)));
  }
  const check = validateConfig(copy);
  return check.ok ? check.config : {};
}

export async function runDoctor(): Promise<CheckResult[]> {
  return runChecks(DOCTOR_CHECKS, await doctorContext());
}
