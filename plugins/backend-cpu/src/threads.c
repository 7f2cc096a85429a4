/*
 * The pool of threads.h. Workers sleep on a condition variable until the generation counter moves, take
 * tasks from an atomic counter until none are left, and report done; the caller takes tasks too and then
 * waits for the workers, so a parallel_for returns only when every task has finished and no worker still
 * reads the job. Physical cores: Linux's /sys topology (core_id and physical_package_id of each CPU in
 * the affinity mask, hyperthread siblings share both), else the online processors from sysconf.
 */
#define _GNU_SOURCE /* sched_getaffinity */
#include "threads.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* More threads than this are not useful for one session (and a typo of --threads must not fork bomb). */
#define POOL_MAX_THREADS 256

struct ThreadPool {
  int threads;
  pthread_t *workers;
  int started; /* workers actually running (destroy joins these) */
  float **locals;
  pthread_mutex_t mu;
  pthread_cond_t wake, done;
  uint64_t generation;
  int busy; /* workers still in the current generation */
  int stop;
  TaskFn fn;
  void *ctx;
  int64_t n_tasks;
  atomic_int_fast64_t next;
};

typedef struct Worker {
  ThreadPool *pool;
  int tid;
} Worker;

static _Thread_local ThreadPool *current_pool;
/* Inside a task: nested parallel_for calls run inline. -1 outside. */
static _Thread_local int task_tid = -1;

ThreadPool *cpu_pool(void) { return current_pool; }
void cpu_pool_set(ThreadPool *pool) { current_pool = pool; }
int pool_threads(const ThreadPool *pool) { return pool ? pool->threads : 1; }
float *pool_local(ThreadPool *pool, int tid) { return pool->locals[tid]; }

static void take_tasks(ThreadPool *p, int tid) {
  task_tid = tid;
  for (;;) {
    int64_t t = atomic_fetch_add(&p->next, 1);
    if (t >= p->n_tasks) break;
    p->fn(p->ctx, t, tid);
  }
  task_tid = -1;
}

static void *worker_main(void *arg) {
  Worker w = *(Worker *)arg;
  free(arg);
  ThreadPool *p = w.pool;
  uint64_t seen = 0;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (!p->stop && p->generation == seen) pthread_cond_wait(&p->wake, &p->mu);
    if (p->stop) break;
    seen = p->generation;
    pthread_mutex_unlock(&p->mu);
    take_tasks(p, w.tid);
    pthread_mutex_lock(&p->mu);
    if (--p->busy == 0) pthread_cond_signal(&p->done);
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

void parallel_for(ThreadPool *pool, int64_t n_tasks, TaskFn fn, void *ctx) {
  if (n_tasks <= 0) return;
  if (!pool || pool->started == 0 || n_tasks == 1 || task_tid >= 0) {
    int tid = task_tid >= 0 ? task_tid : 0;
    for (int64_t t = 0; t < n_tasks; t++) fn(ctx, t, tid);
    return;
  }
  pthread_mutex_lock(&pool->mu);
  pool->fn = fn;
  pool->ctx = ctx;
  pool->n_tasks = n_tasks;
  atomic_store(&pool->next, 0);
  pool->busy = pool->started;
  pool->generation++;
  pthread_cond_broadcast(&pool->wake);
  pthread_mutex_unlock(&pool->mu);
  take_tasks(pool, 0);
  pthread_mutex_lock(&pool->mu);
  while (pool->busy > 0) pthread_cond_wait(&pool->done, &pool->mu);
  pthread_mutex_unlock(&pool->mu);
}

void pool_destroy(ThreadPool *pool) {
  if (!pool) return;
  pthread_mutex_lock(&pool->mu);
  pool->stop = 1;
  pthread_cond_broadcast(&pool->wake);
  pthread_mutex_unlock(&pool->mu);
  for (int i = 0; i < pool->started; i++) pthread_join(pool->workers[i], NULL);
  for (int i = 0; pool->locals && i < pool->threads; i++) free(pool->locals[i]);
  free(pool->locals);
  free(pool->workers);
  pthread_mutex_destroy(&pool->mu);
  pthread_cond_destroy(&pool->wake);
  pthread_cond_destroy(&pool->done);
  free(pool);
}

ThreadPool *pool_create(int threads, size_t local_floats) {
  if (threads <= 0) threads = cpu_physical_cores();
  if (threads > POOL_MAX_THREADS) threads = POOL_MAX_THREADS;
  ThreadPool *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->threads = threads;
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->wake, NULL);
  pthread_cond_init(&p->done, NULL);
  atomic_init(&p->next, 0);
  p->locals = calloc((size_t)threads, sizeof *p->locals);
  p->workers = calloc((size_t)threads, sizeof *p->workers);
  if (!p->locals || !p->workers) goto fail;
  for (int i = 0; i < threads && local_floats; i++)
    if (!(p->locals[i] = aligned_alloc(64, (local_floats * sizeof(float) + 63) / 64 * 64))) goto fail;
  for (int i = 1; i < threads; i++) {
    Worker *w = malloc(sizeof *w);
    if (!w) goto fail;
    *w = (Worker){p, i};
    if (pthread_create(&p->workers[p->started], NULL, worker_main, w) != 0) {
      free(w);
      goto fail;
    }
    p->started++;
  }
  return p;
fail:
  pool_destroy(p);
  return NULL;
}

/* Counts distinct (package, core) pairs over the CPUs this process may use; 0 when /sys cannot tell. */
static int sys_physical_cores(void) {
#ifdef __linux__
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
  int count = 0;
  long seen[CPU_SETSIZE][2];
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
    if (!CPU_ISSET(cpu, &set)) continue;
    long ids[2] = {-1, -1};
    const char *names[2] = {"physical_package_id", "core_id"};
    for (int k = 0; k < 2; k++) {
      char path[128];
      snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%d/topology/%s", cpu, names[k]);
      FILE *f = fopen(path, "r");
      if (!f) return 0;
      if (fscanf(f, "%ld", &ids[k]) != 1) ids[k] = -1;
      fclose(f);
    }
    int dup = 0;
    for (int i = 0; i < count && !dup; i++) dup = seen[i][0] == ids[0] && seen[i][1] == ids[1];
    if (!dup) seen[count][0] = ids[0], seen[count][1] = ids[1], count++;
  }
  return count;
#else
  return 0;
#endif
}

size_t cpu_min_split(size_t normal) {
  static int small = -1; /* idempotent: racing first calls compute the same value */
  if (small < 0) {
    const char *v = getenv("HODU_CPU_SPLIT_SMALL");
    small = v && v[0] == '1';
  }
  return small && normal > 7 ? 7 : normal;
}

int cpu_physical_cores(void) {
  int n = sys_physical_cores();
  if (n <= 0) {
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    n = online > 0 ? (int)online : 1;
  }
  return n > POOL_MAX_THREADS ? POOL_MAX_THREADS : n;
}
