/*
 * A small pthread pool per plugin handle: made at create() with N-1 workers (the thread calling run() is the
 * N-th), woken for each parallel_for and joined at destroy(), so no thread is created per run.
 */
#ifndef CPU_THREADS_H
#define CPU_THREADS_H

#include <stddef.h>
#include <stdint.h>

typedef struct ThreadPool ThreadPool;

/* One task of a parallel_for: `task` in [0, n_tasks), `tid` in [0, pool_threads) names the thread running it. */
typedef void (*TaskFn)(void *ctx, int64_t task, int tid);

/*
 * `threads` counts the calling thread (0: cpu_physical_cores()); each thread gets `local_floats` floats of
 * private, 64-byte aligned memory (pool_local). Returns NULL when out of memory or threads cannot start;
 * a pool of one thread starts none.
 */
ThreadPool *pool_create(int threads, size_t local_floats);
void pool_destroy(ThreadPool *pool);
/* 1 for NULL. */
int pool_threads(const ThreadPool *pool);
float *pool_local(ThreadPool *pool, int tid);

/*
 * Runs fn(ctx, t, tid) for every t in [0, n_tasks) on the pool's threads, the caller included, and returns
 * when all are done. Tasks are handed out one at a time (an atomic counter), so uneven tasks balance. With
 * no pool, one thread, one task, or when called from inside a task, it runs them all on the caller (tid 0
 * for the caller of the outermost call; a nested call keeps its thread's tid).
 */
void parallel_for(ThreadPool *pool, int64_t n_tasks, TaskFn fn, void *ctx);

/* The pool of the run in progress on this thread (plugin run() sets it), or NULL: kernels read it here
 * so that their signatures (shared with other kernels) need not change. */
ThreadPool *cpu_pool(void);
void cpu_pool_set(ThreadPool *pool);

/*
 * The least work worth a split, `normal` in production. With HODU_CPU_SPLIT_SMALL=1 in the environment it is
 * 7 (or `normal` when smaller), so that tests split even tiny ops at odd boundaries between threads.
 */
size_t cpu_min_split(size_t normal);

/* Physical cores this process may run on (hyperthread siblings counted once), at least 1. */
int cpu_physical_cores(void);

#endif
