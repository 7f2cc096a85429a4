import type { Attribute, Node } from '../ir/graph';
import { nodeError } from '../ir/node-error';
import type { OpSchema } from './schema';

/**
 * Reads an attribute's value from a node, applying the schema default.
 * Throws a HoduError naming the node when a required attribute is missing or has the wrong type.
 */
export function readAttr<T = unknown>(node: Node, schema: OpSchema | undefined, name: string): T {
  const a: Attribute | undefined = node.attributes[name];
  const spec = schema?.attributes[name];
  if (a === undefined) {
    if (spec?.required) {
      throw nodeError(node, 'E_ATTR', `missing required attribute '${name}'`, 'the model is malformed; re-export it');
    }
    return spec?.default as T;
  }
  const allowed = spec ? (Array.isArray(spec.type) ? spec.type : [spec.type]) : [];
  if (spec && !allowed.includes(a.type) && !(allowed.includes('tensor') && a.type === 'sparse_tensor')) {
    throw nodeError(node, 'E_ATTR', `attribute '${name}' should be ${allowed.join(' or ')}, got ${a.type}`, 'the model is malformed; re-export it');
  }
  return a.value as T;
}
