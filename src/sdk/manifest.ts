/**
 * DispatchManifest: what a native backend receives instead of a graph. A flat little-endian byte layout
 * (spec: docs/dispatch-manifest.md; C reader: ffi/hodu_manifest.h) holding
 *   - the tensor table (dtype as the ONNX TensorProto code, dims, role, where the bytes live),
 *   - the steps (kernel name, tensor ids, int64 metadata),
 *   - the weights blob (64-byte aligned), and the arena size the runner allocates for intermediates.
 * `encodeManifest` and `decodeManifest` are exact inverses; decode validates every offset and count.
 */
export * from './manifest-layout';
export { encodeManifest } from './manifest-encode';
export { decodeManifest } from './manifest-decode';
