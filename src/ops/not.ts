import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Not', { sinceVersion: 1, versions: [1], types: { T: ['bool'] } });
