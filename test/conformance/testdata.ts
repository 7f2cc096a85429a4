import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the official ONNX backend test data is (Debian libonnx-testdata): $HODU_ONNX_TESTDATA, else the
 * copy `scripts/fetch-testdata.sh` puts in .cache/. Returns undefined when it is not installed.
 */
export function onnxTestDataDir(): string | undefined {
  const candidates = [
    process.env.HODU_ONNX_TESTDATA,
    join(import.meta.dir, '..', '..', '.cache', 'onnx-testdata', 'usr', 'share', 'libonnx-testdata', 'data'),
    '/usr/share/libonnx-testdata/data',
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(join(p, 'node')));
}
