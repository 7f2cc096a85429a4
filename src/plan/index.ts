/** Planning: lowers a model with concrete input shapes to a DispatchManifest for native backends. */
export { planManifest } from './plan-manifest';
export { planArena } from './arena';
export { inferStaticGraph } from './static-shapes';
