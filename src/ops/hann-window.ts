import { windowSchema } from './_signal-window';
import { defineOp } from './schema';
import { INDEX, NUMERIC } from './_types';

export default defineOp(windowSchema('HannWindow', { versions: [17], types: { T1: INDEX, T2: NUMERIC } }));
