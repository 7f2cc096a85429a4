import { attr, t, type OpCase } from '../op-case';

const words = t('string', [4], ['Monday', 'tuesday', 'MONDAY', 'Wed']);

export const cases: OpCase[] = [
  {
    name: 'case-insensitive stopwords, UPPER',
    op: 'StringNormalizer',
    opset: 10,
    attrs: { case_change_action: attr.string('UPPER'), stopwords: attr.strings(['monday']) },
    inputs: [words],
    outputs: [t('string', [2], ['TUESDAY', 'WED'])],
  },
  {
    name: 'case-sensitive stopwords, LOWER',
    op: 'StringNormalizer',
    opset: 10,
    attrs: { case_change_action: attr.string('LOWER'), is_case_sensitive: attr.int(1), stopwords: attr.strings(['Monday']) },
    inputs: [words],
    outputs: [t('string', [3], ['tuesday', 'monday', 'wed'])],
  },
  {
    name: 'defaults: no stopwords, NONE, [1, C] keeps its rank',
    op: 'StringNormalizer',
    opset: 10,
    inputs: [t('string', [1, 2], ['Ab', 'cD'])],
    outputs: [t('string', [1, 2], ['Ab', 'cD'])],
  },
  {
    name: 'everything removed leaves one empty string',
    op: 'StringNormalizer',
    opset: 10,
    attrs: { stopwords: attr.strings(['a']) },
    inputs: [t('string', [1, 2], ['a', 'A'])],
    outputs: [t('string', [1, 1], [''])],
  },
  {
    // Locale-independent: 'I' lowers to 'i' even for a Turkish locale; 'ß' uppers to 'SS' (Unicode default mapping).
    name: 'locale attribute does not change the mapping',
    op: 'StringNormalizer',
    opset: 10,
    attrs: { case_change_action: attr.string('UPPER'), locale: attr.string('tr_TR') },
    inputs: [t('string', [2], ['straße', 'i'])],
    outputs: [t('string', [2], ['STRASSE', 'I'])],
  },
  { name: 'bad action', op: 'StringNormalizer', opset: 10, attrs: { case_change_action: attr.string('TITLE') }, inputs: [words], throws: 'E_UNSUPPORTED_ATTR' },
  { name: 'batch of two rows', op: 'StringNormalizer', opset: 10, inputs: [t('string', [2, 1], ['a', 'b'])], throws: 'E_SHAPE' },
];
