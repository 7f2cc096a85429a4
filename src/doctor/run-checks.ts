/** Runs doctor checks concurrently, each under its own timeout, and keeps their declared order. */
import type { CheckOutcome, CheckResult, DoctorCheck, DoctorContext } from './types';

const DEFAULT_TIMEOUT_MS = 10_000;

async function runOne(check: DoctorCheck, ctx: DoctorContext): Promise<CheckResult[]> {
  const timeoutMs = check.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'warn', detail: `did not finish within ${timeoutMs / 1000} s`, hint: 'run `hodu doctor` again; if it persists, check this part of your system by hand' }), timeoutMs);
  });
  try {
    const outcome = await Promise.race([check.run(ctx), timeout]);
    return (Array.isArray(outcome) ? outcome : [outcome]).map((o) => ({ id: check.id, ...o, title: o.title ?? check.title }));
  } catch (e) {
    // A check that throws is a doctor bug or an unexpected environment; report it rather than abort the rest.
    return [{ id: check.id, title: check.title, status: 'error', detail: e instanceof Error ? e.message : String(e), hint: (e as { hint?: string }).hint }];
  } finally {
    clearTimeout(timer);
  }
}

export async function runChecks(checks: readonly DoctorCheck[], ctx: DoctorContext): Promise<CheckResult[]> {
  return (await Promise.all(checks.map((c) => runOne(c, ctx)))).flat();
}
