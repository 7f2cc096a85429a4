import { nodeError } from '../../ir/node-error';
import type { Builder } from './context';

// DepthToSpace: [blocksize, mode] (0 DCR, 1 CRD; DCR before opset 11, which added the attribute).
export const depthToSpace: Builder = (c) => {
  const mode = c.opset >= 11 ? c.attr<string>('mode') : 'DCR';
  if (mode !== 'DCR' && mode !== 'CRD') throw nodeError(c.node, 'E_UNSUPPORTED_ATTR', `unsupported mode '${mode}'`, "modes are 'DCR' and 'CRD'");
  return [c.attr<number>('blocksize'), mode === 'CRD' ? 1 : 0];
};

// SpaceToDepth: [blocksize].
export const spaceToDepth: Builder = (c) => [c.attr<number>('blocksize')];
