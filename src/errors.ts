/**
 * The one error type of hodu. Library code throws it; only the CLI renders it.
 * `code` is a stable, greppable identifier (e.g. `E_ONNX_DECODE`), `hint` says what to do next.
 */
export class HoduError extends Error {
  readonly code: string;
  readonly hint?: string;
  /** Exit code the CLI uses for this error (1 failure, 2 usage). */
  readonly exitCode: number;

  constructor(code: string, message: string, opts: { hint?: string; cause?: unknown; exitCode?: number } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'HoduError';
    this.code = code;
    this.hint = opts.hint;
    this.exitCode = opts.exitCode ?? 1;
  }
}

export function isHoduError(e: unknown): e is HoduError {
  return e instanceof HoduError;
}

/** Wraps any thrown value into a HoduError with the given code, keeping HoduErrors as they are. */
export function asHoduError(e: unknown, code: string, message: string, hint?: string): HoduError {
  if (e instanceof HoduError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new HoduError(code, `${message}: ${detail}`, { hint, cause: e });
}
