/**
 * What backend selection needs to know about interp before loading it (its kernels are a big import):
 * the plugin object in index.ts uses these same values.
 */
export const INTERP_DESCRIPTOR = { name: 'interp', priority: 10, devices: ['cpu'] } as const;
