import type { DType } from './dtype';
import type { Tensor } from './tensor';

/** A dimension: a known size, or a symbolic name (`'batch'`, or `'?'` when unnamed and unknown). */
export type Dim = number | string;

/** The type of a value. `shape` undefined means the rank itself is unknown. */
export interface TensorType {
  kind: 'tensor';
  dtype: DType;
  shape?: Dim[];
}
interface SequenceType {
  kind: 'sequence';
  elem: ValueType;
}
interface OptionalType {
  kind: 'optional';
  elem: ValueType;
}
interface MapType {
  kind: 'map';
  key: DType;
  value: ValueType;
}
export type ValueType = TensorType | SequenceType | OptionalType | MapType;

export interface ValueInfo {
  name: string;
  type?: ValueType;
  doc?: string;
}

export type Attribute =
  | { type: 'float'; value: number }
  | { type: 'int'; value: number }
  | { type: 'string'; value: string }
  | { type: 'tensor'; value: Tensor }
  | { type: 'graph'; value: Graph }
  | { type: 'floats'; value: number[] }
  | { type: 'ints'; value: number[] }
  | { type: 'strings'; value: string[] }
  | { type: 'tensors'; value: Tensor[] }
  | { type: 'graphs'; value: Graph[] }
  | { type: 'sparse_tensor'; value: Tensor }
  | { type: 'type_proto'; value: ValueType }
  | { type: 'ref'; value: string }; // ref_attr_name inside a function body

export type AttributeType = Attribute['type'];

export interface Node {
  /** Node name; the decoder names unnamed nodes of a file `<op>_<index>` so errors can name them (see nodeLabel). */
  name: string;
  op: string;
  /** '' is the default ONNX domain (the decoder reads 'ai.onnx' as ''). */
  domain: string;
  /** '' marks an omitted optional input. */
  inputs: string[];
  outputs: string[];
  attributes: Record<string, Attribute>;
  doc?: string;
}

export interface Graph {
  name: string;
  nodes: Node[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  /** Known types of intermediate values (from the file's value_info or shape inference). */
  valueInfo: ValueInfo[];
  initializers: Map<string, Tensor>;
  doc?: string;
}

export interface OpsetImport {
  domain: string;
  version: number;
}

export interface FunctionDef {
  name: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: string[];
  nodes: Node[];
  opsetImports: OpsetImport[];
}

export interface Model {
  irVersion: number;
  opsetImports: OpsetImport[];
  producerName?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: number;
  doc?: string;
  metadata: Record<string, string>;
  graph: Graph;
  functions: FunctionDef[];
}

export function emptyGraph(name = 'main'): Graph {
  return { name, nodes: [], inputs: [], outputs: [], valueInfo: [], initializers: new Map() };
}

/** The opset version the model imports for a domain ('' is the default domain). */
export function opsetFor(model: Pick<Model, 'opsetImports'>, domain = ''): number | undefined {
  return model.opsetImports.find((o) => o.domain === domain)?.version;
}

/** Graph inputs that are not also initializers (the ones a caller must feed). */
export function feedInputs(g: Graph): ValueInfo[] {
  return g.inputs.filter((i) => !g.initializers.has(i.name));
}
