/*
 * The plugin's threads. Workers are shared process-wide: every handle that asks for the same thread count
 * holds a reference to one set of N-1 workers (the thread calling run() is the N-th), so a session of many
 * native partitions (and If bodies) has N threads in all, not N per partition; the last handle to go joins
 * them, and no thread is created per run. Between jobs a worker spins briefly before sleeping, so the ops of
 * one run do not pay a futex wake each.
 */
#ifndef CPU_THREADS_H
#define CPU_THREADS_H

#include <stddef.h>
#include <stdint.h>

typedef struct ThreadPool ThreadPool;

/* One task of a parallel_for: `task` in [0, n_tasks), `tid` in [0, pool_threads) names the thread running it. */
typedef void (*TaskFn)(void *ctx, int64_t task, int tid);

/*
 * A handle's view of the shared workers of `threads` threads (counting the calling thread; 0:
 * cpu_physical_cores()); each worker has `local_floats` floats of private, 64-byte aligned memory
 * (pool_local). Returns NULL when out of memory or threads cannot start; a pool of one thread starts none.
 * Safe to call from any thread; pool_destroy drops the reference.
 */
ThreadPool *pool_create(int threads, size_t local_floats);
void pool_destroy(ThreadPool *pool);
/* 1 for NULL. */
int pool_threads(const ThreadPool *pool);
/* The private memory of worker `tid` ≥ 1. The caller's tasks run as tid 0 and use the caller's own memory:
 * two sessions running at once may both be a tid 0. */
float *pool_local(ThreadPool *pool, int tid);

/*
 * Runs fn(ctx, t, tid) for every t in [0, n_tasks) on the pool's threads, the caller included, and returns
 * when all are done. Tasks are handed out one at a time (an atomic counter), so uneven tasks balance. With
 * no pool, one thread, one task, when called from inside a task, or while another caller (another session
 * running at the same time) has the workers, it runs them all on the caller (tid 0 for the caller of the
 * outermost call; a nested call keeps its thread's tid).
 */
void parallel_for(ThreadPool *pool, int64_t n_tasks, TaskFn fn, void *ctx);

/*
 * parallel_for with a cost hint: `task_ns`, about how long one task takes on one thread, in nanoseconds. When
 * all the tasks together are too little work to pay for handing them out (a few µs), they run on the caller.
 */
void parallel_for_cost(ThreadPool *pool, int64_t n_tasks, double task_ns, TaskFn fn, void *ctx);
/* Whether `work_ns` of work (as on one thread) is worth splitting between the pool's threads: more while its
 * workers are asleep (waking them costs more than handing work to spinning ones). For callers that shape
 * their tasks by it (sgemm's blocks). */
int parallel_worth(const ThreadPool *pool, double work_ns);

/* The pool of the run in progress on this thread (plugin run() sets it), or NULL: kernels read it here
 * so that their signatures (shared with other kernels) need not change. */
ThreadPool *cpu_pool(void);
void cpu_pool_set(ThreadPool *pool);

/*
 * The least work worth a split, `normal` in production. With HODU_CPU_SPLIT_SMALL=1 in the environment it is
 * 7 (or `normal` when smaller), so that tests split even tiny ops at odd boundaries between threads.
 */
size_t cpu_min_split(size_t normal);

/* Physical cores this process may run on (hyperthread siblings counted once, the affinity mask and a cgroup
 * CPU quota respected), at least 1. */
int cpu_physical_cores(void);

#endif
