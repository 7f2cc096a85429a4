/** Shared by `config set` and `config unset`: apply one edit to config.toml atomically and report it. */
/** `notUsedYet`: what will read the key (set only while no command does); said in a note, and in --json. */
export async function writeConfigEdit(key: string, value: unknown | undefined, json: boolean, notUsedYet?: string): Promise<void> {
  const { configPath, readConfigFile } = await import('../../config/load');
  const { editConfigText } = await import('../../config/edit');
  const { writeFileAtomic } = await import('../../util/atomic-write');
  const { err, outJson } = await import('../ui/output');
  const path = configPath();
  const file = await readConfigFile(path);
  const result = await editConfigText(file.text, path, key, value);
  if (result.changed) writeFileAtomic(path, result.text);
  if (json) {
    outJson({ path, key, value: value ?? null, changed: result.changed, rewritten: result.rewritten, otherProblems: result.otherProblems.map((p) => p.message), ...(notUsedYet ? { notUsedYet } : {}) });
    return;
  }
  if (result.rewritten) err(`note: ${path} was re-written from its parsed contents (comments and formatting could not be kept for this edit)`);
  for (const p of result.otherProblems) err(`warning: ${path} still has a problem: ${p.message}`);
  if (value === undefined) err(result.changed ? `unset ${key} in ${path}` : `${key} was not set in ${path}`);
  else err(result.changed ? `set ${key} = ${typeof value === 'string' ? JSON.stringify(value) : String(value)} in ${path}` : `${key} already has that value`);
  if (notUsedYet && value !== undefined) err(`warning: no command reads ${key} yet (it is for ${notUsedYet}); the value is kept for when one does`);
}
