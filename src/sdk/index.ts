/**
 * The public API for plugin authors. Plugins import from here (the host injects it into JS plugins).
 */
export { defineBackendPlugin } from './backend';
export type { Availability, BackendCapabilities, BackendPlugin, BackendSession, BuildRecipe, BuildRequest, NodeTiming, RuntimeValue, SessionOptions } from './backend';
export { defineFormatPlugin } from './format';
export type { FormatCapabilities, FormatPlugin, LoadOptions, SaveOptions, TensorMap } from './format';
export { HoduError } from '../errors';
export { Tensor } from '../ir/tensor';
export type { DType } from '../ir/dtype';
export type { Graph, Model, Node } from '../ir/graph';
export { SDK_VERSION, ABI_VERSION, MANIFEST_VERSION } from '../version';
export * from './manifest';
export { opToKernelName } from './kernel-names';
export { escapeCommentName, formatStepComment, parseStepComment, unescapeCommentName } from './step-comment';
export type { StepComment } from './step-comment';
