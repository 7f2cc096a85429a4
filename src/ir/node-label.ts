import type { Node } from './graph';
import { opId } from './op-id';

/** The parts of a node a message names (kernels and schemas see a Node; some helpers get only these). */
export type NodeRef = Pick<Node, 'op' | 'name'> & { domain?: string };

/**
 * How every message names a node: `Conv node 'conv_1'`, `com.microsoft::FusedConv node 'f'`. The decoder
 * names unnamed nodes of a file `<Op>_<index>`; a node a pass made without a name reads `Conv node (unnamed)`.
 */
export function nodeLabel(node: NodeRef): string {
  const op = opId(node.domain ?? '', node.op);
  return node.name ? `${op} node '${node.name}'` : `${op} node (unnamed)`;
}
