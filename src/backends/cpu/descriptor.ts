/**
 * What backend selection needs to know about the embedded cpu backend before loading it (loading writes and
 * dlopens its library). Priority above interp's: when its kernels cover a model it runs it.
 */
export const CPU_DESCRIPTOR = { name: 'cpu', priority: 20, devices: ['cpu'] } as const;
