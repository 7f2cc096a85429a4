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
