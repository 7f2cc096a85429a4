import type { Settings } from '../config/settings';

type CheckStatus = 'ok' | 'warn' | 'error';

/** One line of `hodu doctor`: ✔ ok, ⚠ warn, ✘ error (exit non-zero), with a fix hint for the last two. */
export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  hint?: string;
}

export type CheckOutcome = Omit<CheckResult, 'id' | 'title'> & { title?: string };

export interface DoctorContext {
  env: Record<string, string | undefined>;
  home: string;
  execPath: string;
  /** Resolved settings; defaults when the config is invalid (the config check reports that). */
  settings: Settings;
  /** Why the config could not be used, if it could not. */
  configError?: Error;
}

export interface DoctorCheck {
  id: string;
  title: string;
  /** Longer than this and the check reports a timeout instead of its result. */
  timeoutMs?: number;
  run(ctx: DoctorContext): Promise<CheckOutcome | CheckOutcome[]>;
}
