/** The pure parts of the opset upgrade, in process: the rule table against hodu's op version history, naming, refusals. */
import { describe, expect, test } from 'bun:test';
import { UPGRADE_RULES, rulesFor } from '../../src/convert/opset/rules';
import { upgradeOpset } from '../../src/convert/opset/upgrade';
import { HoduError } from '../../src/errors';
import { getOpSchema } from '../../src/ops/registry';
import { float, int } from '../models/builder';
import { model } from './harness';

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(HoduError);
    expect((e as HoduError).code).toBe('E_CONVERT_OPSET');
    return (e as HoduError).message;
  }
  throw new Error('expected a refusal');
}

describe('rule table', () => {
  test("every rule names a known op and an opset at which hodu's schema says that op changed", () => {
    for (const rule of UPGRADE_RULES) {
      if (rule.op === '*') continue;
      const schema = getOpSchema(rule.op);
      expect(`${rule.op}: ${schema ? 'known' : 'unknown'}`).toBe(`${rule.op}: known`);
      // A rule for a deprecated op may sit where it was removed (Scatter → ScatterElements at 11).
      const changed = schema!.versions.includes(rule.at) || (schema!.untilVersion !== undefined && rule.at === schema!.untilVersion + 1);
      expect(`${rule.op}@${rule.at}: ${changed}`).toBe(`${rule.op}@${rule.at}: true`);
    }
  });
  test('the rule for every op runs before the op-specific ones', () => {
    expect(rulesFor('BatchNormalization', 6).map((r) => r.op)).toEqual(['*']);
    expect(rulesFor('Add', 7).map((r) => r.op)).toEqual(['Add']);
    expect(rulesFor('Relu', 13)).toEqual([]);
  });
});

describe('upgradeOpset', () => {
  test('new names never collide with existing ones', () => {
    const m = model(11, [2, 3, 4], (b, x) => {
      b.constant('softmax_1_shape', b.graph.initializers.get(b.shape('s', [1]))!);
      return b.node('Softmax', [x], { axis: int(1) });
    });
    upgradeOpset(m, 13);
    // Node names and value names are separate namespaces in ONNX; each must be unique, and new ones fresh.
    const values = m.graph.nodes.flatMap((n) => n.outputs);
    const nodes = m.graph.nodes.map((n) => n.name);
    expect(new Set(values).size).toBe(values.length);
    expect(new Set(nodes).size).toBe(nodes.length);
    expect([...values, ...nodes]).not.toContain('softmax_1_shape');
    expect(m.graph.nodes.map((n) => n.op)).toEqual(['Shape', 'Flatten', 'Softmax', 'Reshape']);
    expect(m.irVersion).toBe(7);
  });
  test('Clip whose input dtype nothing can tell is refused, naming the node', () => {
    const m = model(9, [3], (b, x) => {
      b.graph.nodes.push({ name: 'custom', op: 'Foo', domain: 'com.example', inputs: [x], outputs: ['foo_out'], attributes: {} });
      return b.node('Clip', ['foo_out'], { min: float(0) });
    });
    m.opsetImports.push({ domain: 'com.example', version: 1 });
    expect(refusal(() => upgradeOpset(m, 11))).toContain("Clip node 'clip_1': cannot be upgraded to opset 11: the dtype of its input 'foo_out' is unknown");
  });
  test('an op hodu does not know in the default domain is refused; other domains pass through', () => {
    const m = model(13, [3], (b, x) => b.node('NoSuchOp', [x]));
    expect(refusal(() => upgradeOpset(m, 14))).toContain("NoSuchOp node 'nosuchop_1': cannot be upgraded to opset 14: hodu does not know the op NoSuchOp");
    const other = model(13, [3], (b, x) => {
      b.graph.nodes.push({ name: 'custom', op: 'Foo', domain: 'com.example', inputs: [x], outputs: ['y'], attributes: {} });
      return 'y';
    });
    other.opsetImports.push({ domain: 'com.example', version: 1 });
    expect(upgradeOpset(other, 18).rewritten).toEqual([]);
    expect(other.opsetImports).toEqual([{ domain: '', version: 18 }, { domain: 'com.example', version: 1 }]);
  });
});
