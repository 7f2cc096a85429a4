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
];

export function realModelsAvailable(): boolean {
  return existsSync(join(REAL_MODELS_DIR, 'done'));
}
