/** What a synchronous call throws, for tests that check error codes. */
import { HoduError } from '../../src/errors';

/** The HoduError `run` throws; anything else (or nothing) fails the test. */
export function errorOf(run: () => unknown): HoduError {
  try {
    run();
  } catch (e) {
    if (e instanceof HoduError) return e;
    throw new Error(`expected a HoduError, got ${String(e)}`);
  }
  throw new Error('expected a HoduError, got none');
}

/** The `code` of whatever `run` throws (HoduError or a Node error), or undefined when it returns. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}
