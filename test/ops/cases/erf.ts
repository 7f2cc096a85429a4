import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'float64 across the series/continued-fraction switch, to 1e-13',
    op: 'Erf',
    // Reference values: Python math.erf.
    inputs: [t('float64', [12], [-3.5, -1, -0.5, 0, 0.1, 0.5, 1, 2, 2.9, 3.1, 5, 7])],
    outputs: [t('float64', [12], [-0.9999992569016276, -0.8427007929497149, -0.5204998778130465, 0, 0.1124629160182849, 0.5204998778130465, 0.8427007929497149, 0.9953222650189527, 0.9999589021219005, 0.9999883513426328, 0.9999999999984626, 1])],
    rtol: 1e-13,
    atol: 1e-15,
  },
  { name: 'float32 NaN and inf', op: 'Erf', inputs: [t('float32', [3], [NaN, Infinity, -Infinity])], outputs: [t('float32', [3], [NaN, 1, -1])] },
];
