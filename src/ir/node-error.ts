import { HoduError, type ErrorCode } from '../errors';
import { nodeLabel, type NodeRef } from './node-label';

/**
 * The error a kernel, a schema or a pass raises about one node: the message starts with the node's label
 * (`Conv node 'c1': …`) and `error.node` carries its name, op and domain, so no throw site formats the
 * label by hand. The exit status and default hint come from ERROR_CODES, as for every HoduError.
 */
export function nodeError(node: NodeRef, code: ErrorCode, message: string, hint?: string, cause?: unknown): HoduError {
  return new HoduError(code, `${nodeLabel(node)}: ${message}`, {
    hint,
    cause,
    node: { name: node.name, op: node.op, domain: node.domain ?? '' },
  });
}
