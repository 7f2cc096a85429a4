import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'left uint8 wraps', op: 'BitShift', attrs: { direction: attr.string('LEFT') }, inputs: [t('uint8', [3], [16, 4, 1]), t('uint8', [3], [1, 2, 3])], outputs: [t('uint8', [3], [32, 16, 8])] },
  { name: 'left uint8 overflow drops high bits', op: 'BitShift', attrs: { direction: attr.string('LEFT') }, inputs: [t('uint8', [2], [200, 255]), t('uint8', [], [1])], outputs: [t('uint8', [2], [144, 254])] },
  { name: 'right uint32', op: 'BitShift', attrs: { direction: attr.string('RIGHT') }, inputs: [t('uint32', [3], [16, 4, 4294967295]), t('uint32', [3], [1, 2, 31])], outputs: [t('uint32', [3], [8, 1, 1])] },
  { name: 'left uint64 exact', op: 'BitShift', attrs: { direction: attr.string('LEFT') }, inputs: [t('uint64', [1], [1n]), t('uint64', [1], [63n])], outputs: [t('uint64', [1], [9223372036854775808n])] },
  { name: 'bad direction', op: 'BitShift', attrs: { direction: attr.string('UP') }, inputs: [t('uint8', [1], [1]), t('uint8', [1], [1])], throws: 'E_UNSUPPORTED_ATTR' },
];
