import { normalizeAxis } from '../../ir/axis';
import { need, type Builder } from './context';

// GatherElements: [axis] (normalized; the dims come from the tensor table).
export const gatherElements: Builder = (c) => [normalizeAxis(c.attr<number>('axis'), need(c, 0).length, c.node)];
