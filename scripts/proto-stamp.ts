/**
 * The stamp that ties src/formats/onnx/generated/ to its inputs: the sha256 of onnx.proto and of each
 * generated file, and the protobufjs-cli version that wrote them. scripts/gen-proto.ts writes it;
 * test/unit/generated-proto.test.ts recomputes it, so editing onnx.proto (or a generated file by hand, or
 * upgrading the generator) without regenerating fails a test.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dir, '..');
export const PROTO_FILE = 'src/formats/onnx/onnx.proto';
export const GENERATED_DIR = 'src/formats/onnx/generated';
export const GENERATED_FILES = ['onnx-pb.js', 'onnx-pb.d.ts'] as const;
export const STAMP_FILE = `${GENERATED_DIR}/stamp.json`;

export interface ProtoStamp {
  proto: { file: string; sha256: string };
  generator: string;
  outputs: Record<string, string>;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex');
}

/** The version of protobufjs-cli installed in node_modules (the one `pbjs` / `pbts` run). */
export function generatorVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/protobufjs-cli/package.json'), 'utf8')) as { version: string };
  return `protobufjs-cli ${pkg.version}`;
}

/** The stamp for the files as they are on disk now. */
export function computeStamp(): ProtoStamp {
  const outputs: Record<string, string> = {};
  for (const f of GENERATED_FILES) outputs[f] = sha256(`${GENERATED_DIR}/${f}`);
  return { proto: { file: PROTO_FILE, sha256: sha256(PROTO_FILE) }, generator: generatorVersion(), outputs };
}

/** The stamp as committed. */
export function readStamp(): ProtoStamp {
  return JSON.parse(readFileSync(join(ROOT, STAMP_FILE), 'utf8')) as ProtoStamp;
}

export function formatStamp(s: ProtoStamp): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
