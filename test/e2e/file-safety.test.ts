/**
 * Hostile files through the compiled binary (issue 9, items 4 and 8): a FIFO or device named as a model, a tensor
 * input or ONNX external data must be refused at once (not hang, not read forever), and external data must not
 * escape the model's folder through symlinks, `..`, absolute paths or NUL bytes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import { onnx } from '../../src/formats/onnx/pb';
import { Tensor } from '../../src/ir/tensor';
import { HODU, requireBinary, tempDir, writeNpyFile } from './hodu';

const posix = process.platform !== 'win32';
const tmp = tempDir('hodu-file-safety-');
const home = tempDir('hodu-file-safety-home-');
afterAll(() => {
  tmp.cleanup();
  home.cleanup();
});

/** Runs the binary with a hang guard: a process stuck in open() on a FIFO ignores SIGTERM, so SIGKILL after 10 s. */
function hodu(args: string[]): { code: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const r = Bun.spawnSync([HODU, ...args], {
    cwd: tmp.dir,
    env: { ...process.env, NO_COLOR: '1', HODU_HOME: home.dir },
    stdout: 'pipe',
    stderr: 'pipe',
    timeout: 10_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.exitCode, stdout: r.stdout.toString(), stderr: r.stderr.toString(), timedOut: r.exitedDueToTimeout === true };
}

function mkfifo(path: string): string {
  const r = Bun.spawnSync(['mkfifo', path]);
  if (r.exitCode !== 0) throw new Error(`mkfifo ${path} failed: ${r.stderr.toString()}`);
  return path;
}

/** `y = Add(x, w)` over float [3], with w stored externally under the given keys. */
function writeExternalModel(path: string, external: Record<string, string>): string {
  const f32 = (name: string): onnx.IValueInfoProto => ({ name, type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 3 }] } } } });
  const w: onnx.ITensorProto = {
    name: 'w',
    dataType: onnx.TensorProto.DataType.FLOAT,
    dims: [3],
    dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
    externalData: Object.entries(external).map(([key, value]) => ({ key, value })),
  };
  const model: onnx.IModelProto = {
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    graph: { name: 'g', node: [{ name: 'add', opType: 'Add', input: ['x', 'w'], output: ['y'] }], input: [f32('x')], output: [f32('y')], initializer: [w] },
  };
  writeFileSync(path, onnx.ModelProto.encode(model).finish());
  return path;
}

const floats = (xs: number[]) => new Uint8Array(new Float32Array(xs).buffer);
let x = '';

beforeAll(() => {
  requireBinary();
  x = writeNpyFile(join(tmp.dir, 'x.npy'), new Tensor('float32', [3], new Float32Array([0, 0, 0])));
});

describe.skipIf(!posix)('non-regular files are refused, never waited on (item 4)', () => {
  test('a FIFO as the model file: inspect, run and convert', () => {
    const fifo = mkfifo(join(tmp.dir, 'model-fifo.onnx'));
    for (const args of [['inspect', fifo], ['run', fifo, '--random-inputs'], ['convert', fifo, join(tmp.dir, 'out.onnx')]]) {
      const r = hodu(args);
      expect(r.timedOut).toBe(false);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error[E_NOT_A_FILE]');
      expect(r.stderr).toContain('FIFO');
      expect(r.stderr).toContain('hint:');
    }
  });

  test('a FIFO or /dev/zero as a tensor file: --input, inspect, convert', () => {
    const model = join(tmp.dir, 'relu.onnx');
    writeFileSync(model, onnx.ModelProto.encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 17 }],
      graph: {
        name: 'g',
        node: [{ opType: 'Relu', input: ['x'], output: ['y'] }],
        input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 3 }] } } } }],
        output: [{ name: 'y', type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 3 }] } } } }],
      },
    }).finish());
    const fifo = mkfifo(join(tmp.dir, 'input-fifo.npy'));
    const cases: [string[], string][] = [
      [['run', model, '--input', fifo], 'FIFO'],
      [['run', model, '--input', `x=${fifo}`], 'FIFO'],
      [['inspect', fifo], 'FIFO'],
      [['convert', fifo, join(tmp.dir, 'out.npz')], 'FIFO'],
      [['run', model, '--input', 'x=/dev/zero'], 'character device'],
      [['inspect', '/dev/zero'], 'character device'],
      [['convert', '/dev/zero', join(tmp.dir, 'out.npz')], 'character device'],
    ];
    for (const [args, kind] of cases) {
      const r = hodu(args);
      expect(r.timedOut).toBe(false);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error[E_NOT_A_FILE]');
      expect(r.stderr).toContain(kind);
    }
  });

  test('a FIFO named as external data: inspect and run', () => {
    const dir = join(tmp.dir, 'ext-fifo');
    mkdirSync(dir);
    mkfifo(join(dir, 'w.bin'));
    const model = writeExternalModel(join(dir, 'm.onnx'), { location: 'w.bin' });
    for (const args of [['inspect', model], ['run', model, '--input', x]]) {
      const r = hodu(args);
      expect(r.timedOut).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[E_ONNX_EXTERNAL_DATA]');
      expect(r.stderr).toContain("'w.bin' is a FIFO (named pipe), not a regular file");
    }
  });

  test('a symlink to /dev/zero named as external data is refused', () => {
    const dir = join(tmp.dir, 'ext-zero');
    mkdirSync(dir);
    symlinkSync('/dev/zero', join(dir, 'w.bin'));
    const r = hodu(['run', writeExternalModel(join(dir, 'm.onnx'), { location: 'w.bin' }), '--input', x]);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_ONNX_EXTERNAL_DATA]');
    expect(r.stderr).toContain("'w.bin' resolves through a symbolic link to '/dev/zero'");
  });
});

describe.skipIf(!posix)('external data stays inside the model folder (item 8)', () => {
  const secret = () => join(tmp.dir, 'secret.bin');
  beforeAll(() => writeFileSync(secret(), floats([7, 8, 9])));

  /** Runs the model on x = 0 and returns y, or the failure. */
  async function runModel(model: string): Promise<{ y?: Float32Array; r: ReturnType<typeof hodu> }> {
    const out = `${model}.out.npz`;
    const r = hodu(['run', model, '--input', x, '--output', out]);
    if (r.code !== 0) return { r };
    const y = (await loadNpz(readFileSync(out))).get('y')!.data as Float32Array;
    return { y, r };
  }

  test('a w.bin symlink to a file outside is refused by run, inspect and convert (no copy is written)', () => {
    const dir = join(tmp.dir, 'link-file');
    mkdirSync(dir);
    symlinkSync(secret(), join(dir, 'w.bin'));
    const model = writeExternalModel(join(dir, 'm.onnx'), { location: 'w.bin' });
    const out = join(tmp.dir, 'stolen.onnx');
    for (const args of [['run', model, '--input', x], ['inspect', model], ['convert', model, out]]) {
      const r = hodu(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[E_ONNX_EXTERNAL_DATA]');
      expect(r.stderr).toContain("external data file 'w.bin' resolves through a symbolic link to");
      expect(r.stderr).toContain("outside the model's directory");
    }
    expect(existsSync(out)).toBe(false);
  });

  test('a sub/ directory symlink pointing outside is refused', () => {
    const dir = join(tmp.dir, 'link-dir');
    mkdirSync(dir);
    symlinkSync(tmp.dir, join(dir, 'sub'));
    const r = hodu(['run', writeExternalModel(join(dir, 'm.onnx'), { location: 'sub/secret.bin' }), '--input', x]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("external data file 'sub/secret.bin' resolves through a symbolic link to");
  });

  test('a symlink that stays inside the folder is followed', async () => {
    const dir = join(tmp.dir, 'link-inside');
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'real.bin'), floats([1, 2, 3]));
    symlinkSync('data/real.bin', join(dir, 'w.bin'));
    const { y, r } = await runModel(writeExternalModel(join(dir, 'm.onnx'), { location: 'w.bin' }));
    expect(r.stderr).not.toContain('error[');
    expect(y).toEqual(new Float32Array([1, 2, 3]));
  });

  test('a model linked from another folder reads data next to its real file (Hugging Face cache layout)', async () => {
    const blobs = join(tmp.dir, 'hf', 'blobs');
    const snap = join(tmp.dir, 'hf', 'snapshots', 'rev');
    mkdirSync(blobs, { recursive: true });
    mkdirSync(snap, { recursive: true });
    writeExternalModel(join(blobs, 'aaa'), { location: 'w.bin' });
    writeFileSync(join(blobs, 'bbb'), floats([4, 5, 6]));
    symlinkSync('../../blobs/aaa', join(snap, 'm.onnx'));
    symlinkSync('../../blobs/bbb', join(snap, 'w.bin'));
    const { y, r } = await runModel(join(snap, 'm.onnx'));
    expect(r.stderr).not.toContain('error[');
    expect(y).toEqual(new Float32Array([4, 5, 6]));
  });

  test('.., absolute paths and NUL bytes in location are refused', () => {
    const dir = join(tmp.dir, 'locations');
    mkdirSync(dir);
    writeFileSync(join(dir, 'w.bin'), floats([1, 2, 3]));
    const cases: [string, string][] = [
      ['../secret.bin', "location '../secret.bin' is outside the model's directory"],
      ['sub/../../secret.bin', "is outside the model's directory"],
      [secret(), "is outside the model's directory"],
      ['w.bin\0../../secret.bin', 'contains a NUL byte'],
    ];
    cases.forEach(([location, message], i) => {
      const r = hodu(['run', writeExternalModel(join(dir, `m${i}.onnx`), { location }), '--input', x]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[E_ONNX_EXTERNAL_DATA]');
      expect(r.stderr).toContain(message);
    });
  });

  test('offsets and lengths beyond the file are refused', () => {
    const dir = join(tmp.dir, 'ranges');
    mkdirSync(dir);
    writeFileSync(join(dir, 'w.bin'), floats([1, 2, 3]));
    const cases: [Record<string, string>, string][] = [
      [{ location: 'w.bin', offset: '4' }, "'w.bin' has 12 bytes, need 12 at offset 4"],
      [{ location: 'w.bin', offset: '9007199254740991' }, 'need 12 at offset 9007199254740991'],
      [{ location: 'w.bin', length: '16' }, 'external data length is 16 bytes, the tensor needs 12'],
      [{ location: 'w.bin', offset: '-1' }, "'offset' is not a byte count: '-1'"],
      [{ location: 'w.bin', length: '1e999' }, "'length' is not a byte count: '1e999'"],
    ];
    cases.forEach(([keys, message], i) => {
      const r = hodu(['run', writeExternalModel(join(dir, `m${i}.onnx`), keys), '--input', x]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[E_ONNX_EXTERNAL_DATA]');
      expect(r.stderr).toContain(message);
    });
  });
});
