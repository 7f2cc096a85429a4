/*
 * Steps bound at build time (ABI 3's build entry, build-emit.c): `hodu build` has the plugin write
 * hodu_cpu_steps.c, which defines the three symbols below for one manifest; plugin.c defines weak defaults
 * (count -1: no table) and create() takes each step's kernel from the table when the step count, the kernel
 * table's checksum and the kernel's name match, else it looks the name up as always.
 */
#ifndef CPU_PREBOUND_H
#define CPU_PREBOUND_H
#include <stddef.h>
#include <stdint.h>
#include "hodu_plugin.h"

extern const int32_t hodu_cpu_prebound_count; /* steps in the table, -1 when none is linked */
extern const uint32_t hodu_cpu_prebound_table; /* cpu_kernel_table_id() of the build that wrote it */
extern const int32_t hodu_cpu_prebound[];     /* per step, its kernel's index in plugin.c's KERNELS */
/* Steps create() has bound from the table in this process (tests read it to see that path taken). */
extern uint32_t hodu_cpu_prebound_steps;

/* The index of a kernel name in KERNELS, or -1. */
int32_t cpu_kernel_index(const char *name);
/* A checksum of KERNELS (each entry's index, name, variant and widening). */
uint32_t cpu_kernel_table_id(void);
/* Binds every step of a manifest as create() does (one thread), writing each step's kernel index to
 * kernels[0..cap); on failure returns create's status with its message (naming the node) in err. */
int32_t cpu_bind_manifest(const uint8_t *bytes, size_t len, int32_t *kernels, uint32_t cap, char *err, size_t err_cap);
/* HoduBackendApi.build (build-emit.c). */
int32_t cpu_build(const uint8_t *bytes, size_t len, const HoduBuildOptions *options, char *err, size_t err_cap);
#endif
