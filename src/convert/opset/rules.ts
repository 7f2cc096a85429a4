/** Every opset upgrade rule, one file per op family; this list is the only place to add a family. */
import { batchNormRules } from './batch-norm';
import { clipRules } from './clip';
import { dropoutRules } from './dropout';
import { legacyRules } from './legacy';
import { padRules } from './pad';
import { reduceRules } from './reduce';
import { renamedRules } from './renamed';
import { reshapeRules } from './reshape';
import { resizeRules } from './resize';
import type { UpgradeRule } from './rule';
import { sliceRules } from './slice';
import { softmaxRules } from './softmax';
import { splitRules } from './split';
import { squeezeRules } from './squeeze';
import { topKRules } from './topk';

export const UPGRADE_RULES: readonly UpgradeRule[] = [
  ...legacyRules,
  ...reshapeRules,
  ...squeezeRules,
  ...splitRules,
  ...reduceRules,
  ...sliceRules,
  ...padRules,
  ...topKRules,
  ...clipRules,
  ...softmaxRules,
  ...resizeRules,
  ...batchNormRules,
  ...dropoutRules,
  ...renamedRules,
];

/** The rules for `op` at opset `at`: the ones for every op first, then the op's own. */
export function rulesFor(op: string, at: number): UpgradeRule[] {
  return UPGRADE_RULES.filter((r) => r.at === at && (r.op === '*' || r.op === op)).sort((a, b) => (a.op === '*' ? -1 : b.op === '*' ? 1 : 0));
}
