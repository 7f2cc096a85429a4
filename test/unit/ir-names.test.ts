/** The one way hodu names an op (opId), a node (nodeLabel), a node's error (nodeError) and an axis (normalizeAxis). */
import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { normalizeAxis } from '../../src/ir/axis';
import { nodeError } from '../../src/ir/node-error';
import { nodeLabel } from '../../src/ir/node-label';
import { normalizeDomain, opId, parseOpId } from '../../src/ir/op-id';
import { kernelPrefix, opToKernelName } from '../../src/sdk/kernel-names';

const conv = { name: 'conv_1', op: 'Conv', domain: '' };

describe('op identity', () => {
  test('the default domain is just the op; any other is domain::Op', () => {
    expect(opId('', 'Add')).toBe('Add');
    expect(opId('com.microsoft', 'FusedConv')).toBe('com.microsoft::FusedConv');
    expect(opId('ai.onnx.preview.training', 'Adam')).toBe('ai.onnx.preview.training::Adam');
  });

  test('parseOpId reads what opId writes, and the documented plugin form', () => {
    for (const [domain, op] of [['', 'Add'], ['com.microsoft', 'FusedConv'], ['ai.onnx.ml', 'TreeEnsembleRegressor']] as const) {
      expect(parseOpId(opId(domain, op))).toEqual({ domain, op });
    }
    expect(parseOpId('ai.onnx::Relu')).toEqual({ domain: '', op: 'Relu' });
  });

  test("'ai.onnx' and '' are one domain; other domains that start with it are not", () => {
    expect(normalizeDomain('ai.onnx')).toBe('');
    expect(normalizeDomain(undefined)).toBe('');
    expect(normalizeDomain('ai.onnx.ml')).toBe('ai.onnx.ml');
  });

  test("kernel names: plugin code passing 'ai.onnx' gets the default domain's name", () => {
    expect(opToKernelName('Add', ['float32'], 'ai.onnx')).toBe('add_f32');
    expect(kernelPrefix('FusedConv', 'com.microsoft')).toBe('com_microsoft__fused_conv');
  });
});

describe('node labels and errors', () => {
  test('a node is named by its op id and name; a node a pass left unnamed says so', () => {
    expect(nodeLabel(conv)).toBe("Conv node 'conv_1'");
    expect(nodeLabel({ name: 'f', op: 'FusedConv', domain: 'com.microsoft' })).toBe("com.microsoft::FusedConv node 'f'");
    expect(nodeLabel({ name: '', op: 'Relu', domain: '' })).toBe('Relu node (unnamed)');
  });

  test('nodeError starts the message with the label and carries the node; hint and exit come from the table by default', () => {
    const e = nodeError(conv, 'E_SHAPE', 'X must be 4-D');
    expect(e).toBeInstanceOf(HoduError);
    expect(e.message).toBe("Conv node 'conv_1': X must be 4-D");
    expect(e.node).toEqual({ name: 'conv_1', op: 'Conv', domain: '' });
    expect(e.hint).toBe(new HoduError('E_SHAPE', '').hint);
    expect(nodeError(conv, 'E_SHAPE', 'x', 'pad it').hint).toBe('pad it');
  });
});

describe('normalizeAxis', () => {
  test('negative axes count from the end; -rank..rank-1 are valid', () => {
    expect(normalizeAxis(-1, 4, conv)).toBe(3);
    expect(normalizeAxis(-4, 4, conv)).toBe(0);
    expect(normalizeAxis(2, 4, conv)).toBe(2);
  });

  test('out of range: E_ATTR naming the node, the value and the valid range', () => {
    let e: unknown;
    try {
      normalizeAxis(4, 4, conv, 'axes value');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(HoduError);
    expect((e as HoduError).code).toBe('E_ATTR');
    expect((e as HoduError).message).toBe("Conv node 'conv_1': axes value 4 is out of range for rank 4");
    expect((e as HoduError).hint).toBe('valid values are -4..3');
    expect(() => normalizeAxis(-5, 4, conv)).toThrow('axis -5 is out of range');
    expect(() => normalizeAxis(0, 0, conv)).toThrow('out of range for rank 0');
    expect(() => normalizeAxis(0.5, 2, conv)).toThrow('out of range');
  });

  test('allowEnd admits rank itself (a split point such as Flatten axis)', () => {
    expect(normalizeAxis(4, 4, conv, 'axis', { allowEnd: true })).toBe(4);
    expect(normalizeAxis(-4, 4, conv, 'axis', { allowEnd: true })).toBe(0);
    expect(() => normalizeAxis(5, 4, conv, 'axis', { allowEnd: true })).toThrow('axis 5 is out of range for rank 4');
  });
});
