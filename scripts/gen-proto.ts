/**
 * Regenerates the protobufjs static module for the ONNX schema into src/formats/onnx/generated/ and
 * writes its stamp: `bun scripts/gen-proto.ts` (npm run gen:proto). Run it after changing onnx.proto or
 * upgrading protobufjs-cli; test/unit/generated-proto.test.ts fails until the stamp matches.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeStamp, formatStamp, GENERATED_DIR, PROTO_FILE, STAMP_FILE } from './proto-stamp';

const root = join(import.meta.dir, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const js = `${GENERATED_DIR}/onnx-pb.js`;

function run(cmd: string[]): void {
  const r = Bun.spawnSync(cmd, { cwd: root, stdout: 'inherit', stderr: 'inherit' });
  if (r.exitCode !== 0) {
    console.error(`${cmd.slice(0, 2).join(' ')} … failed (exit ${r.exitCode})`);
    process.exit(1);
  }
}

// --no-verify/--no-delimited/--no-service: decode/encode is all hodu uses; the rest only adds size.
run([bin('pbjs'), '-t', 'static-module', '-w', 'es6', '--no-verify', '--no-delimited', '--no-service', '-o', js, PROTO_FILE]);
run([bin('pbts'), '-o', `${GENERATED_DIR}/onnx-pb.d.ts`, js]);
writeFileSync(join(root, STAMP_FILE), formatStamp(computeStamp()));
console.error(`wrote ${GENERATED_DIR}/ and ${STAMP_FILE}`);
