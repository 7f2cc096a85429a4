import { defineKernel } from '../kernel';
import scatterElements from './scatter-elements';

// Scatter-9/10 is ScatterElements with reduction 'none' (the attribute did not exist yet).
export default defineKernel('Scatter', (inputs, ctx) =>
  scatterElements.run(inputs, { ...ctx, attr: <T>(name: string): T => (name === 'reduction' ? ('none' as T) : ctx.attr<T>(name)) }),
);
