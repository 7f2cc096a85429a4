/** State shared while decoding one ONNX file: where it came from (for messages and external data). */
export interface DecodeContext {
  /** How to name the file in messages (`opts.path`, or `<bytes>`). */
  label: string;
  /** The model file's path, used to resolve external data; undefined when decoding plain bytes. */
  modelPath?: string;
  loadExternalData: boolean;
}

export function makeContext(path: string | undefined, loadExternalData = true): DecodeContext {
  return { label: path ?? '<bytes>', modelPath: path, loadExternalData };
}
