// `hodu run --benchmark` on backend-cpu: a native session reports its planning (manifest + create) as
// compile_ms, isolated (the default) or in-process; the interp's is 0 (test/e2e/run-benchmark.test.ts).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { generateModels } from '../models/generate';
import { describeWithTools } from '../support/optional-tools';
import { installCpu, type CpuHome } from './support';

describeWithTools(['cc'], 'hodu run --benchmark on backend-cpu', () => {
  let cpu: CpuHome;
  let mlp: string;
  beforeAll(async () => {
    cpu = installCpu();
    mlp = (await generateModels(join(cpu.dir, 'models'))).find((p) => p.endsWith('mlp.onnx'))!;
  });
  afterAll(() => cpu?.cleanup());

  test('--threads on the native plugin: no note (it uses them), and the JSON says how many it used', () => {
    for (const n of ['2', '3']) {
      const r = cpu.run(['run', mlp, '--random-inputs', '--backend', 'cpu', '--threads', n, '--benchmark', '--runs', '2', '--json']);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('threads');
      expect(JSON.parse(r.stdout).threads).toBe(Number(n));
    }
    // None asked: the physical cores (distinct package/core pairs of /sys topology), what backend-cpu starts.
    const r = cpu.run(['run', mlp, '--random-inputs', '--backend', 'cpu', '--benchmark', '--runs', '2', '--json']);
    const ids = Bun.spawnSync(['sh', '-c', 'cat /sys/devices/system/cpu/cpu[0-9]*/topology/physical_package_id /dev/null | wc -l; for c in /sys/devices/system/cpu/cpu[0-9]*/topology; do echo $(cat $c/physical_package_id):$(cat $c/core_id); done | sort -u | wc -l']).stdout.toString().trim().split('\n').map(Number);
    const expected = ids[0]! > 0 ? Math.min(ids[1]!, navigator.hardwareConcurrency) : navigator.hardwareConcurrency;
    expect(JSON.parse(r.stdout).threads).toBe(expected);
  });

  for (const isolation of [[], ['--no-isolate']]) {
    test(`compile_ms is the session's planning, apart from the runs (${isolation.join(' ') || 'isolated'})`, () => {
      const r = cpu.run(['run', mlp, '--random-inputs', '--backend', 'cpu', ...isolation, '--benchmark', '--runs', '4', '--warmup', '1', '--json']);
      expect(r.stderr).not.toContain('error');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as Record<string, number | string>;
      expect(j.backend).toBe('cpu');
      expect(j.runs).toBe(4);
      expect(j.warmup).toBe(1);
      expect(j.compile_ms as number).toBeGreaterThan(0);
      expect(j.load_ms as number).toBeGreaterThan(0);
      expect(j.min_ms as number).toBeLessThanOrEqual(j.max_ms as number);
      expect(r.stderr).not.toContain('threads');
      // Isolated runs each start a child process: said, so the latency is not mistaken for the kernels'.
      if (isolation.length) expect(r.stderr).not.toContain('runs isolated');
      else expect(r.stderr).toContain("note: 'cpu' runs isolated (the default for an installed plugin)");
    });
  }
});
