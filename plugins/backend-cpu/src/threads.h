/*
 * The plugin's threads. Workers are shared process-wide: every handle that asks for the same thread count
 * holds a reference to one set of N-1 workers (the thread calling run() is the N-th), so a session of many
 * native partitions (and If bodies) has N threads in all, not N per partition; the last handle to go joins
 * them, and no thread is created per run. Between jobs a worker spins before sleeping (100 µs, 1 ms while a
 * run is in progress), so the ops of one run do not pay a futex wake each.
 * Costs measured on the 2-core x86-64 VM this was tuned on (bench/wake-bench.c): handing a task to a spinning
 * worker ≈ 0.2–0.6 µs; waking a sleeping one ≈ 7 µs of the caller's time (futex) and 40–60 µs before it helps;
 * a worker whose core another process has comes when the scheduler lets it, often milliseconds later.
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
 * all the tasks together are not worth a split (parallel_worth), they run on the caller.
 */
void parallel_for_cost(ThreadPool *pool, int64_t n_tasks, double task_ns, TaskFn fn, void *ctx);
/*
 * Whether `work_ns` of work (as on one thread) is worth splitting between the pool's threads now: 8 µs or
 * more while a worker is spinning on a core (it stamped a heartbeat within the last 50 µs), 100 µs or more
 * while they sleep or while the scheduler has them off their cores (another process has the core: on a
 * shared machine they would join late or not at all, and the split's own costs would be for nothing). The
 * answer may change between two calls; a caller shapes its tasks by the answer it got (sgemm's blocks).
 * A split that costs more than handing out tasks (narrower tiles, copies per task) must also pay for that.
 * Work of 8 µs or more marks the handle's run as wanting the workers, split or not (cpu_pool_set).
 */
int parallel_worth(ThreadPool *pool, double work_ns);

/* The pool of the run in progress on this thread, or NULL: kernels read it here so that their signatures
 * (shared with other kernels) need not change. plugin run() sets it as a run begins and clears it (NULL) as
 * the run ends: while a run is in progress the workers spin longer between jobs, and a handle whose last
 * run split work, or had work worth a split that it ran alone because they slept, wakes sleeping workers as
 * the next one begins (they are spinning by its first split op). */
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
