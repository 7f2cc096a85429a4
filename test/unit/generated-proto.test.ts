import { expect, test } from 'bun:test';
import { computeStamp, readStamp } from '../../scripts/proto-stamp';

// The stamp records what generated/ was made from; any difference means someone skipped `npm run gen:proto`.
test('src/formats/onnx/generated/ matches onnx.proto and the installed protobufjs-cli (run `npm run gen:proto` if this fails)', () => {
  const committed = readStamp();
  const now = computeStamp();
  if (committed.proto.sha256 !== now.proto.sha256) {
    throw new Error('src/formats/onnx/onnx.proto changed but generated/ was not regenerated: run `npm run gen:proto` and commit generated/');
  }
  if (committed.generator !== now.generator) {
    throw new Error(`generated/ was written by ${committed.generator} but ${now.generator} is installed: run \`npm run gen:proto\` and commit generated/`);
  }
  expect(now.outputs, 'a generated file was edited by hand: run `npm run gen:proto` instead').toEqual(committed.outputs);
});
