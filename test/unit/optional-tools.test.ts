/**
 * Tests that need an optional system tool skip with the reason where it is missing, and fail under CI=true
 * (where .ci/run installs it). Checked by running a fixture test file through `bun test` with PATH with and
 * without a fake tool.
 */
import { afterAll, expect, test } from 'bun:test';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CI_TOOL_PACKAGES } from '../support/optional-tools';

const ROOT = join(import.meta.dir, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'tools', 'needs-fake-tool.ts');
const work = mkdtempSync(join(tmpdir(), 'hodu-optional-tools-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const toolDir = join(work, 'bin');
mkdirSync(toolDir);
writeFileSync(join(toolDir, 'hodu-fake-tool'), '#!/bin/sh\necho "fake tool ran"\n');
chmodSync(join(toolDir, 'hodu-fake-tool'), 0o755);

/** `bun test FIXTURE` with only bun's folder (and maybe the fake tool's) on PATH. */
function runFixture(opts: { withTool: boolean; ci: string }): { code: number; output: string } {
  const PATH = [...(opts.withTool ? [toolDir] : []), dirname(process.execPath)].join(':');
  const r = Bun.spawnSync([process.execPath, 'test', FIXTURE], { cwd: ROOT, env: { PATH, HOME: work, CI: opts.ci }, stdout: 'pipe', stderr: 'pipe' });
  return { code: r.exitCode ?? -1, output: r.stdout.toString() + r.stderr.toString() };
}

test('a missing tool: its tests are skipped, each with the reason in its name; the rest run', () => {
  const r = runFixture({ withTool: false, ci: '' });
  expect(r.code).toBe(0);
  expect(r.output).toContain('(skip) a test that runs the fake tool [skipped: hodu-fake-tool not found on PATH (apt-get install hodu-fake-tool)]');
  expect(r.output).toContain('(skip) a group that needs the fake tool [skipped: hodu-fake-tool not found on PATH (apt-get install hodu-fake-tool)] > runs it too');
  expect(r.output).toContain('(pass) a test that needs no tool');
  expect(r.output).toMatch(/ 1 pass\n 2 skip\n 0 fail/);
});

test('the tool on PATH: its tests run (and pass)', () => {
  const r = runFixture({ withTool: true, ci: '' });
  expect(r.output).toContain('(pass) a test that runs the fake tool');
  expect(r.output).toContain('(pass) a group that needs the fake tool > runs it too');
  expect(r.output).toMatch(/ 3 pass\n 0 fail/);
  expect(r.code).toBe(0);
});

test('CI=true and the tool missing: failing tests that say CI requires it, not skips', () => {
  const r = runFixture({ withTool: false, ci: 'true' });
  expect(r.code).toBe(1);
  expect(r.output).toContain('(fail) a test that runs the fake tool');
  expect(r.output).toContain('(fail) a group that needs the fake tool > needs its system tools');
  expect(r.output).toContain('hodu-fake-tool not found on PATH; CI=true requires it (.ci/run installs: apt-get install hodu-fake-tool)');
  expect(r.output).not.toContain('(skip)');
});

test('.ci/run installs every tool the tests may need (the same list as CI_TOOL_PACKAGES)', () => {
  const script = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
  const list = /for p in ([^;]+); do/.exec(script)?.[1]?.trim().split(/\s+/) ?? [];
  const installed = Object.fromEntries(list.map((p) => [p.slice(p.indexOf(':') + 1), p.slice(0, p.indexOf(':'))]));
  expect(installed).toEqual({ ...CI_TOOL_PACKAGES });
});

// The patterns the tests used before (`const has = …`, `const hasCc = Bun.which(…)`, `skipIf(!has(…))`).
test('no test decides on its own to skip for a missing tool (they go through test/support/optional-tools.ts)', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !/optional-tools(\.test)?\.ts$/.test(p)) {
        const text = readFileSync(p, 'utf8');
        if (/^(const|let) \w+ = .*(Bun\.which\(|command -v )|skipIf\(!has/m.test(text)) offenders.push(relative(ROOT, p));
      }
    }
  };
  walk(join(ROOT, 'test'));
  expect(offenders).toEqual([]);
});
