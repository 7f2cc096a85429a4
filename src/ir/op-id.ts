/**
 * How hodu names an op in text: `domain::Op`, the default ONNX domain ('') written as just `Op`
 * (`Add`, `com.microsoft::FusedConv`, `ai.onnx.preview.training::Adam`). Registry keys, error messages,
 * `hodu inspect` op counts and a backend's `capabilities.ops` (docs/sdk-reference.md) all use this one form.
 */

/**
 * The default ONNX domain as the IR writes it. ONNX also spells it 'ai.onnx'; the decoder (and the SDK
 * functions that take a domain from plugin code) normalise that with `normalizeDomain`, so nothing else
 * compares domains with 'ai.onnx'.
 */
const DEFAULT_DOMAIN = '';

/** The domain of ONNX's training ops (Gradient, Adam, Adagrad, Momentum). */
export const TRAINING_DOMAIN = 'ai.onnx.preview.training';

/** hodu's own internal ops (SumToShape, written by expand-gradient). */
export const HODU_DOMAIN = 'ai.hodu';

/** How people read a domain in an opset list: ONNX's own name 'ai.onnx' for the default one. */
export function domainDisplayName(domain: string): string {
  return domain === DEFAULT_DOMAIN ? 'ai.onnx' : domain;
}

/** 'ai.onnx' → '' (the one place that knows both spellings of the default domain). */
export function normalizeDomain(domain: string | null | undefined): string {
  return !domain || domain === 'ai.onnx' ? DEFAULT_DOMAIN : domain;
}

/** `opId('', 'Add')` → `Add`; `opId('com.microsoft', 'FusedConv')` → `com.microsoft::FusedConv`. */
export function opId(domain: string, op: string): string {
  return domain === DEFAULT_DOMAIN ? op : `${domain}::${op}`;
}

/** The inverse of `opId`: `com.microsoft::FusedConv` → { domain: 'com.microsoft', op: 'FusedConv' }. */
export function parseOpId(id: string): { domain: string; op: string } {
  const at = id.lastIndexOf('::');
  return at < 0 ? { domain: DEFAULT_DOMAIN, op: id } : { domain: normalizeDomain(id.slice(0, at)), op: id.slice(at + 2) };
}
