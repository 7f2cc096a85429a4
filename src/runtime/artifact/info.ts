/**
 * The JSON a built model describes itself with (`hodu_model_info_json`, src/build/c/hodu_model.h),
 * checked with valibot: it comes from a library anyone can hand to hodu, so nothing in it is trusted until
 * it has the documented shape.
 */
import * as v from 'valibot';
import { HoduError } from '../../errors';
import { BUILT_MODEL_API_VERSION } from '../../version';

const Dims = v.array(v.pipe(v.number(), v.integer(), v.minValue(0)));
const TensorEntry = v.object({ name: v.string(), dtype: v.string(), shape: Dims });

const BuiltModelInfoSchema = v.object({
  api: v.pipe(v.number(), v.integer()),
  hodu_version: v.string(),
  model_sha256: v.string(),
  model_name: v.string(),
  backend: v.pipe(v.string(), v.minLength(1)),
  backend_version: v.string(),
  target: v.string(),
  opt_level: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3)),
  threads: v.pipe(v.number(), v.integer(), v.minValue(0)),
  inputs: v.array(TensorEntry),
  outputs: v.array(TensorEntry),
});

export type BuiltModelInfo = v.InferOutput<typeof BuiltModelInfoSchema>;


/** Parses and checks the info text; `path` names the library in errors. Unknown extra keys are allowed (newer builders). */
export function parseBuiltModelInfo(text: string, path: string): BuiltModelInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new HoduError('E_ARTIFACT', `${path}: hodu_model_info_json() is not valid JSON (${e instanceof Error ? e.message : String(e)})`, {
      hint: 'the library was not written by `hodu build`, or is damaged; rebuild it',
    });
  }
  if (raw && typeof raw === 'object' && 'api' in raw && typeof raw.api === 'number' && raw.api !== BUILT_MODEL_API_VERSION) {
    throw new HoduError('E_ARTIFACT', `${path}: built model API ${raw.api}, this hodu reads API ${BUILT_MODEL_API_VERSION}`, {
      hint: 'rebuild the model with this hodu (`hodu build`), or run it with the hodu that built it',
    });
  }
  const parsed = v.safeParse(BuiltModelInfoSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') || '(top level)';
    throw new HoduError('E_ARTIFACT', `${path}: hodu_model_info_json() does not describe a built model: ${where}: ${issue.message}`, {
      hint: 'the library was not written by `hodu build`, or by an incompatible version; rebuild it',
    });
  }
  return parsed.output;
}
