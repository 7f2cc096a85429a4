import { attr, t, type OpCase } from '../op-case';

// TensorProto.DataType codes: 1 float, 2 uint8, 3 int8, 6 int32, 7 int64, 8 string, 9 bool, 10 float16,
// 11 double, 12 uint32, 13 uint64, 16 bfloat16, 17 float8e4m3fn.
const to = (code: number) => ({ to: attr.int(code) });

export const cases: OpCase[] = [
  { name: 'float32 to int32 truncates toward zero', op: 'Cast', attrs: to(6), inputs: [t('float32', [4], [1.9, -1.9, 0.5, -0.5])], outputs: [t('int32', [4], [1, -1, 0, 0])] },
  { name: 'float32 to int64', op: 'Cast', attrs: to(7), inputs: [t('float32', [2], [3.7, -1e10])], outputs: [t('int64', [2], [3, -10000000000])] },
  { name: 'float32 to bool (NaN is true)', op: 'Cast', attrs: to(9), inputs: [t('float32', [4], [0, -0, 0.1, NaN])], outputs: [t('bool', [4], [0, 0, 1, 1])] },
  { name: 'bool to float32', op: 'Cast', attrs: to(1), inputs: [t('bool', [2], [1, 0])], outputs: [t('float32', [2], [1, 0])] },
  {
    name: 'float32 to float16 rounds to nearest even, overflows to inf',
    op: 'Cast',
    attrs: to(10),
    // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even (1). 70000 > 65504: inf.
    inputs: [t('float32', [3], [1.00048828125, 70000, -0.5])],
    outputs: [t('float16', [3], [1, Infinity, -0.5])],
    rtol: 0,
    atol: 0,
  },
  { name: 'float32 to bfloat16', op: 'Cast', attrs: to(16), inputs: [t('float32', [2], [1.00390625, 3])], outputs: [t('bfloat16', [2], [1, 3])], rtol: 0, atol: 0 },
  { name: 'float16 to float64', op: 'Cast', attrs: to(11), inputs: [t('float16', [2], [0.333251953125, -2])], outputs: [t('float64', [2], [0.333251953125, -2])], rtol: 0, atol: 0 },
  { name: 'int64 to int32 wraps exactly', op: 'Cast', attrs: to(6), inputs: [t('int64', [2], [4294967297n, -4294967298n])], outputs: [t('int32', [2], [1, -2])] },
  { name: 'int64 to uint64 reinterprets two\'s complement', op: 'Cast', attrs: to(13), inputs: [t('int64', [1], [-1n])], outputs: [t('uint64', [1], [18446744073709551615n])] },
  { name: 'int32 to uint8 wraps', op: 'Cast', attrs: to(2), inputs: [t('int32', [2], [256, -1])], outputs: [t('uint8', [2], [0, 255])] },
  { name: 'int64 to float32', op: 'Cast', attrs: to(1), inputs: [t('int64', [2], [-3, 16777216])], outputs: [t('float32', [2], [-3, 16777216])] },
  {
    name: 'string to float32 (plain, scientific, special)',
    op: 'Cast',
    attrs: to(1),
    inputs: [t('string', [7], ['3.14', '1e-5', '1E8', 'NaN', 'INF', '+inf', '-INF'])],
    outputs: [t('float32', [7], [3.14, 1e-5, 1e8, NaN, Infinity, Infinity, -Infinity])],
  },
  { name: 'string to int32 truncates', op: 'Cast', attrs: to(6), inputs: [t('string', [2], ['100.5', '-7'])], outputs: [t('int32', [2], [100, -7])] },
  { name: 'string to int64 exact', op: 'Cast', attrs: to(7), inputs: [t('string', [1], ['9007199254740993'])], outputs: [t('int64', [1], [9007199254740993n])] },
  {
    name: 'float32 to string (shortest round-trip, INF/NaN spellings)',
    op: 'Cast',
    attrs: to(8),
    // 0.1 as float32 is 0.100000001490116...; its shortest round-trip form is '0.1'.
    inputs: [t('float32', [7], [0.5, 1.5e-5, NaN, Infinity, -Infinity, 100, 0.1])],
    outputs: [t('string', [7], ['0.5', '1.5e-05', 'NaN', 'INF', '-INF', '100', '0.1'])],
  },
  { name: 'float64 to string', op: 'Cast', attrs: to(8), inputs: [t('float64', [2], [0.1, 1e20])], outputs: [t('string', [2], ['0.1', '1e+20'])] },
  { name: 'int32 to string', op: 'Cast', attrs: to(8), inputs: [t('int32', [2], [-12, 0])], outputs: [t('string', [2], ['-12', '0'])] },
  { name: 'same dtype copies', op: 'Cast', attrs: to(1), inputs: [t('float32', [1], [2.5])], outputs: [t('float32', [1], [2.5])] },
  { name: 'opset 1 string target name', op: 'Cast', opset: 1, attrs: { to: attr.string('INT32') }, inputs: [t('float32', [1], [2.5])], outputs: [t('int32', [1], [2])] },
  { name: 'saturate is accepted (opset 19)', op: 'Cast', opset: 19, attrs: { ...to(1), saturate: attr.int(0) }, inputs: [t('float64', [1], [0.25])], outputs: [t('float32', [1], [0.25])] },
  { name: 'float8 target is unsupported', op: 'Cast', opset: 19, attrs: to(17), inputs: [t('float32', [1], [1])], throws: 'E_UNSUPPORTED_ATTR' },
];
