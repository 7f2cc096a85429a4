import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeWithTools, testWithTools } from '../support/optional-tools';
import { hodu, HODU, requireBinary, tempDir } from './hodu';

/**
 * The committed scripts loaded in real shells, with the compiled hodu on PATH answering `__complete` and
 * a HODU_HOME holding one installed TS backend plugin, `demo-remover` (made and installed by hodu itself).
 *
 * - bash: source the script, set COMP_WORDS/COMP_CWORD, call _hodu, print COMPREPLY.
 * - zsh: no pseudo-terminal. `zsh -f` runs compinit and sources the script (so compdef really registers
 *   it), then compadd/compset/_files are replaced by functions that print what would be offered (compadd
 *   filters by PREFIX like the builtin), and _hodu runs with words/CURRENT/PREFIX set as the completion
 *   system sets them. The script only offers through plain compadd, which is what makes this faithful.
 * - fish: `complete -C"LINE"` asks fish itself what LINE completes to.
 */
const COMPLETIONS = join(import.meta.dir, '..', '..', 'completions');

let home: { dir: string; cleanup(): void };
let env: Record<string, string>;

beforeAll(() => {
  requireBinary();
  home = tempDir('hodu-compl-e2e-');
  env = { HODU_HOME: join(home.dir, 'home'), PATH: `${dirname(HODU)}:${process.env.PATH}` };
  const made = hodu(['plugin', 'new', 'demo-remover', '--type', 'backend', '--lang', 'ts'], { cwd: home.dir, env });
  expect(made.stderr).toContain('created backend plugin demo-remover');
  const installed = hodu(['plugin', 'install', '--path', 'demo-remover'], { cwd: home.dir, env });
  expect(installed.code).toBe(0);
  writeFileSync(join(home.dir, 'model.onnx'), '');
});
afterAll(() => home?.cleanup());

function run(argv: string[]): string[] {
  const r = Bun.spawnSync(argv, { cwd: home.dir, env: { ...process.env, ...env }, stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`${argv.join(' ')} failed (${r.exitCode}): ${r.stderr.toString()}`);
  return r.stdout.toString().split('\n').filter(Boolean);
}

test('hodu completions SHELL prints the committed script; an unknown shell is a usage error', () => {
  for (const [shell, file] of [['bash', 'hodu.bash'], ['zsh', '_hodu'], ['fish', 'hodu.fish'], ['powershell', 'hodu.ps1']]) {
    const r = hodu(['completions', shell!], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(COMPLETIONS, file!), 'utf8'));
  }
  const bad = hodu(['completions', 'tcsh'], { env });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("unknown shell 'tcsh'; hodu completes bash, zsh, fish, powershell");
  expect(bad.stderr).toContain('hodu completions --help');
});

test('completions --help says where each shell looks for the script', () => {
  const r = hodu(['completions', '--help'], { env });
  expect(r.stdout).toContain('~/.local/share/bash-completion/completions/hodu');
  expect(r.stdout).toContain('~/.zfunc/_hodu');
  expect(r.stdout).toContain('~/.config/fish/completions/hodu.fish');
  expect(r.stdout).toContain('$PROFILE');
});

test('hidden __complete prints one candidate per line, and nothing for a corrupt registry', () => {
  expect(hodu(['__complete', 'plugin', 'remove', ''], { env }).stdout).toBe('demo-remover\n');
  expect(hodu(['__complete', 'run', '--backend', ''], { env }).stdout).toBe('interp\ncpu\ndemo-remover\n');
  const broken = tempDir('hodu-compl-broken-');
  try {
    const brokenHome = join(broken.dir, 'plugins');
    Bun.spawnSync(['mkdir', '-p', brokenHome]);
    writeFileSync(join(brokenHome, 'plugins.json'), '{ nope');
    const r = hodu(['__complete', 'plugin', 'remove', ''], { env: { HODU_HOME: broken.dir } });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  } finally {
    broken.cleanup();
  }
});

describeWithTools(['bash'], 'bash', () => {
  const complete = (...words: string[]) =>
    run(['bash', '-c', `source ${join(COMPLETIONS, 'hodu.bash')}; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _hodu; printf '%s\\n' "\${COMPREPLY[@]}"`, '_', 'hodu', ...words]);
  test('plugin rem<TAB> → remove; plugin remove <TAB> → installed plugins', () => {
    expect(complete('plugin', 'rem')).toEqual(['remove']);
    expect(complete('plugin', 'remove', '')).toEqual(['demo-remover']);
  });
  test('run --backend <TAB> → interp and installed backends, also as --backend=', () => {
    expect(complete('run', 'model.onnx', '--backend', '')).toEqual(['interp', 'cpu', 'demo-remover']);
    // bash splits `--backend=in` into `--backend` `=` `in` (COMP_WORDBREAKS).
    expect(complete('run', '--backend', '=', 'in')).toEqual(['interp']);
  });
  test('flags, static choices and files', () => {
    expect(complete('run', '--dev')).toEqual(['--device']);
    expect(complete('plugin', 'new', 'x', '--type', '')).toEqual(['backend', 'format']);
    expect(complete('completions', 'z')).toEqual(['zsh']);
    expect(complete('run', 'mod')).toEqual(['model.onnx']);
  });
  test('config get/set/unset <TAB> → config keys', () => {
    expect(complete('config', 'get', 'runtime.')).toEqual(['runtime.threads', 'runtime.max_memory', 'runtime.backend', 'runtime.device']);
    expect(complete('config', 'set', 'log.l')).toEqual(['log.level']);
    expect(complete('config', 'unset', 'update.ch')).toEqual(['update.channel', 'update.check_interval', 'update.check']);
  });
  testWithTools(['shellcheck'], 'the script is shellcheck clean', () => {
    run(['shellcheck', '-s', 'bash', join(COMPLETIONS, 'hodu.bash')]);
  });
});

// compinit runs once (it is the slow part); then each case (words separated by a `--next--` argument)
// prints its candidates followed by a `@@` line.
const ZSH_HARNESS = `
autoload -Uz compinit && compinit -u -D
source $1; shift
compadd() { local -a a; a=("$@"); local i=\${a[(i)--]}; print -rl -- \${(M)a[i+1,-1]:#\${PREFIX}*} }
compset() { [[ $1 == -P && $PREFIX == *=* ]] && PREFIX=\${PREFIX#*=} }
_files() { print -r -- "<files $*>" }
local -a case_words
for arg in "$@" --next--; do
  if [[ $arg == --next-- ]]; then
    words=(hodu "\${case_words[@]}"); CURRENT=\${#words}; PREFIX=\${words[CURRENT]}
    _hodu
    print -r -- @@
    case_words=()
  else
    case_words+=("$arg")
  fi
done
`;

const ZSH_CASES: string[][] = [
  ['plugin', 'rem'],
  ['plugin', 'remove', ''],
  ['run', 'model.onnx', '--backend', ''],
  ['run', '--backend=in'],
  ['run', '--dev'],
  ['plugin', 'new', 'x', '--lang', ''],
  ['run', ''],
  ['plugin', 'install', '--path', ''],
];

describeWithTools(['zsh'], 'zsh', () => {
  const results = new Map<string, string[]>();
  beforeAll(() => {
    const harness = join(home.dir, 'harness.zsh');
    writeFileSync(harness, ZSH_HARNESS);
    const out = run(['zsh', '-f', harness, join(COMPLETIONS, '_hodu'), ...ZSH_CASES.flatMap((c, i) => (i ? ['--next--', ...c] : c))]).join('\n');
    const blocks = out.split(/^@@$/m).map((b) => b.split('\n').filter(Boolean));
    ZSH_CASES.forEach((c, i) => results.set(c.join(' '), blocks[i] ?? []));
  }, 30_000);
  const complete = (...words: string[]) => results.get(words.join(' '));
  test('plugin rem<TAB> → remove; plugin remove <TAB> → installed plugins', () => {
    expect(complete('plugin', 'rem')).toEqual(['remove']);
    expect(complete('plugin', 'remove', '')).toEqual(['demo-remover']);
  });
  test('run --backend <TAB> → interp and installed backends, also as --backend=', () => {
    expect(complete('run', 'model.onnx', '--backend', '')).toEqual(['interp', 'cpu', 'demo-remover']);
    expect(complete('run', '--backend=in')).toEqual(['interp']);
  });
  test('flags, static choices, files and folders', () => {
    expect(complete('run', '--dev')).toEqual(['--device']);
    expect(complete('plugin', 'new', 'x', '--lang', '')).toEqual(['c', 'ts']);
    expect(complete('run', '')).toEqual(['<files >']);
    expect(complete('plugin', 'install', '--path', '')).toEqual(['<files -/>']);
  });
  test('autoloaded from fpath, the file completes at once (the #compdef path)', () => {
    const script = `fpath=(${COMPLETIONS} $fpath); autoload -Uz _hodu
compadd() { local -a a; a=("$@"); local i=\${a[(i)--]}; print -rl -- \${(M)a[i+1,-1]:#\${PREFIX}*} }
words=(hodu plugin rem); CURRENT=3; PREFIX=rem; _hodu`;
    expect(run(['zsh', '-f', '-c', script])).toEqual(['remove']);
  });
});

describeWithTools(['fish'], 'fish', () => {
  const complete = (line: string) =>
    run(['fish', '--no-config', '-c', `source ${join(COMPLETIONS, 'hodu.fish')}; complete -C"${line}"`]).map((l) => l.split('\t')[0]!);
  test('plugin rem<TAB> → remove; plugin remove <TAB> → installed plugins', () => {
    expect(complete('hodu plugin rem')).toEqual(['remove']);
    expect(complete('hodu plugin remove ')).toEqual(['demo-remover']);
  });
  test('run --backend <TAB> → interp and installed backends (fish sorts), also as --backend=', () => {
    expect(complete('hodu run model.onnx --backend ')).toEqual(['cpu', 'demo-remover', 'interp']);
    expect(complete('hodu run --backend=in')).toEqual(['--backend=interp']);
  });
  test('flags, static choices and files', () => {
    expect(complete('hodu run --dev')).toEqual(['--device']);
    expect(complete('hodu plugin new x --type ')).toEqual(['backend', 'format']);
    expect(complete('hodu run mod')).toEqual(['model.onnx']);
  });
});

testWithTools(['pwsh'], 'powershell: the script parses', () => {
  const ps = `$errors = $null; $null = [System.Management.Automation.Language.Parser]::ParseFile('${join(COMPLETIONS, 'hodu.ps1')}', [ref]$null, [ref]$errors); if ($errors) { $errors | ForEach-Object { $_.ToString() }; exit 1 }`;
  run(['pwsh', '-NoProfile', '-NonInteractive', '-Command', ps]);
});
