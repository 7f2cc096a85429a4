import { windowSchema } from './_window';
import { defineOp } from './registry';

export default defineOp(windowSchema('HammingWindow'));
