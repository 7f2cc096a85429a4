/* Softmax and LogSoftmax over a non-innermost axis (softmax.c), shared by softmax.c and log-softmax.c. */
#ifndef CPU_SOFTMAX_H
#define CPU_SOFTMAX_H

#include <stddef.h>

/* Columns per block: the block's per-column state stays in L1, and each row of it is one contiguous run. */
#define SOFTMAX_COLUMNS 512

/* Scratch (in floats, as check_* report it) that softmax_columns needs for groups `inner` apart. */
size_t softmax_columns_scratch(size_t inner);

/*
 * One outer slice [n, inner] (the axis of n elements, spaced inner apart): softmax (log_form 0) or log-softmax
 * (1) of every column, vectorized across the columns, which are contiguous at each step of the axis. y may be x.
 */
void softmax_columns(const float *x, float *y, size_t n, size_t inner, float *scratch, int log_form);

#endif
