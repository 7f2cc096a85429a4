/** Planning: lowers a model with concrete input shapes to a DispatchManifest for native backends. */
export { planManifest } from './plan-manifest';
export { planArena, type ArenaItem, type ArenaPlan } from './arena';
export { inferStaticGraph, type StaticGraph, type StaticValue } from './static-shapes';
