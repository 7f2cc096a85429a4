/*
 * The pools of threads.h. One Workers per (thread count, local size) in the process, refcounted by the
 * handles' ThreadPool views. A job is posted by bumping the generation counter; a worker enters it (counts
 * itself in `state`), takes tasks from an atomic counter until none are left and leaves. The caller takes
 * tasks too; once none are left it closes the job (workers that come later do not enter) and waits for the
 * entered ones to leave, so a parallel_for returns only when every task has finished and no worker still
 * reads the job, and never waits for a worker that was too slow to wake to help. Both sides spin (bounded,
 * SPIN_NS; RUN_SPIN_NS for workers while a run is in progress) before sleeping on a condition variable: the
 * next op of a run usually comes within microseconds, and a futex wake costs tens of them. A spinning worker
 * stamps a heartbeat that parallel_worth reads: a split pays for less work while one is on a core. One caller
 * has the workers at a time (the job mutex, tried, never waited for): a second session running at the same
 * moment runs its tasks on its own thread instead of queueing behind the first.
 * Physical cores: Linux's /sys topology (core_id and physical_package_id of each CPU in the affinity mask,
 * hyperthread siblings share both), capped by a cgroup CPU quota, else the online processors from sysconf.
 */
#define _GNU_SOURCE /* sched_getaffinity */
#include "threads.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif
#include <math.h>

/* More threads than this are not useful for one session (and a typo of --threads must not fork bomb). */
#define POOL_MAX_THREADS 256
/* How long a worker waits for the next job, and the caller for the workers, before sleeping (as
 * onnxruntime's spinning pool does): longer than the gap between two ops of a run and between two runs of a
 * benchmark loop (5–100 µs measured in-process), short enough that an idle session gives its cores back at once. */
#define SPIN_NS 100000
/* While a run is in progress (cpu_pool_set), workers wait this long for the next job: the ops a run does not
 * split (pools, small convs, interp-free stretches of tens of µs each) can add up to more than SPIN_NS, and a
 * worker that fell asleep in between costs the next split op a wake-up (≈ 40–60 µs before it helps). */
#define RUN_SPIN_NS 1000000
/* A worker spinning for a job stamps `beat` every SPIN_CHECK turns (a few µs); a beat older than this means
 * it is not on a core now (the scheduler gave its core to another process, as on a shared machine), so a job
 * posted now would wait for it as for a sleeping one. */
#define HOT_NS 50000
/* parallel_worth: less work than this (ns on one thread) runs on the caller. Handing tasks to a spinning
 * worker costs the caller about 0.5–1 µs (bench/wake-bench.c: two tasks that wait for each other); waking a
 * sleeping one costs the caller about 5 µs (the futex wake) and it 40–60 µs before it helps, so a split then
 * pays only for work of 100 µs or more (and leaves the worker spinning for the ops after it). */
#define PARALLEL_MIN_NS 8000
#define PARALLEL_MIN_NS_ASLEEP 100000
/* Small splits (less work than PARALLEL_MIN_NS_ASLEEP) pay on this VM in some minutes and cost in others, with
 * the worker on a core in both: ResNet-style at 2 threads ran 0.16 ms split against 0.21 ms alone, then 0.30
 * against 0.21 a minute later (onnxruntime gained 1.4–1.6× throughout). The second CPU's cores were as fast in
 * both (an FMA loop on 2 threads); what changed is what the ops after a split pay to read the other core's
 * half (a Relu of 8192 floats after one: 0.9 µs, then 12.7). So a handle times its runs both ways: every
 * EXPLORE_RUNS-th run that has small work tries the way it does not use now, and it keeps the faster (an
 * average of its runs' times, each weighted 1/4, a run slower than twice the average counted as twice it). */
#define EXPLORE_RUNS 16
#define SPIN_CHECK 255
#define JOB_CLOSED (1 << 30)

typedef struct Workers {
  int threads, started, refs;
  size_t local_floats;
  pthread_t *ids;
  float **locals; /* per tid; [0] stays NULL (the caller brings its own) */
  pthread_mutex_t job; /* held by the caller that has the workers */
  pthread_mutex_t mu;
  pthread_cond_t wake, done;
  atomic_uint_fast64_t generation;
  atomic_int state;           /* workers in the current job, plus JOB_CLOSED when no more may enter */
  atomic_int sleepers;        /* workers asleep on `wake` */
  atomic_int caller_sleeping; /* the caller asleep on `done` */
  atomic_int stop;
  /* The job: written by the caller before it bumps the generation. */
  TaskFn fn;
  void *ctx;
  int64_t n_tasks;
  atomic_int_fast64_t next;
  struct Workers *older; /* the registry's list */
  /* Written by spinning workers and read by every parallel_worth: a line of their own, away from the job's. */
  _Alignas(64) atomic_int_fast64_t beat; /* now_ns() of the last spinning worker's last look, 0 before any */
  atomic_int runs;                       /* runs in progress (cpu_pool_set) */
  atomic_int_fast64_t run_end;           /* now_ns() when the last run ended */
  atomic_uint nudges;                    /* bumped to wake sleeping workers into spinning (no job yet) */
} Workers;

struct ThreadPool {
  int threads;
  Workers *w; /* NULL for one thread */
  /* This handle's run had work the workers should take: it split some, or declined some only because they
   * were not on a core (cpu_pool_set's pre-wake reads it). */
  atomic_int wanted;
  /* The run's small work (PARALLEL_MIN_NS to PARALLEL_MIN_NS_ASLEEP): whether it may split (set between
   * runs), whether it had any, and the handle's average run time with and without (ns, 0 before a sample). */
  int small_splits;
  atomic_int had_small;
  int64_t run_start, runs;
  double ns_split, ns_alone;
};

typedef struct WorkerArg {
  Workers *w;
  int tid;
} WorkerArg;

static pthread_mutex_t registry_mu = PTHREAD_MUTEX_INITIALIZER;
static Workers *registry;

static _Thread_local ThreadPool *current_pool;
/* Inside a task: nested parallel_for calls run inline. -1 outside. */
static _Thread_local int task_tid = -1;

static int64_t now_ns(void);
static void wake_sleepers(Workers *w);

ThreadPool *cpu_pool(void) { return current_pool; }

/* Wakes sleeping workers into spinning (no job yet). */
static void nudge(Workers *w) {
  if (atomic_load(&w->sleepers) == 0) return;
  atomic_fetch_add(&w->nudges, 1);
  wake_sleepers(w);
}

static double averaged(double avg, double ns) {
  if (avg <= 0) return ns;
  return avg + (fmin(ns, 2 * avg) - avg) / 4;
}

/* A run of a handle that had small work ended after `ns`: counts it for the way it ran, and picks the way of
 * the next run (the faster, or the other every EXPLORE_RUNS-th run); the workers are woken for a run that
 * will split. */
static void small_split_timed(ThreadPool *p, double ns) {
  if (p->small_splits) p->ns_split = averaged(p->ns_split, ns);
  else p->ns_alone = averaged(p->ns_alone, ns);
  /* A way not yet timed is tried next (the first two runs time both). */
  int faster = p->ns_split && p->ns_alone ? p->ns_split <= p->ns_alone : !p->ns_split;
  p->small_splits = ++p->runs % EXPLORE_RUNS == 0 ? !faster : faster;
  if (p->small_splits) nudge(p->w);
}

/* A run begins (pool) or ends (NULL). While one is in progress the workers spin longer between jobs; a handle
 * whose last run wanted the workers wakes sleeping ones as it starts, so that they are spinning by the time its
 * first split op comes (their wake-up overlaps the run's first ops instead of delaying that op). A run that
 * declined splits because the workers slept wants them too: else a model whose ops each take less than
 * PARALLEL_MIN_NS_ASLEEP never splits once they fell asleep (ResNet-style at 2 threads ran as at 1, its workers
 * asleep in 99.9 % of runs). */
void cpu_pool_set(ThreadPool *pool) {
  ThreadPool *was = current_pool;
  current_pool = pool;
  const int64_t t = (was && was->w) || (pool && pool->w) ? now_ns() : 0;
  if (was && was->w) {
    atomic_store(&was->w->run_end, t);
    atomic_fetch_sub(&was->w->runs, 1);
    if (atomic_exchange(&was->had_small, 0)) small_split_timed(was, (double)(t - was->run_start));
  }
  if (pool && pool->w) {
    atomic_fetch_add(&pool->w->runs, 1);
    pool->run_start = t;
    if (atomic_exchange(&pool->wanted, 0)) nudge(pool->w);
  }
}
int pool_threads(const ThreadPool *pool) { return pool ? pool->threads : 1; }
float *pool_local(ThreadPool *pool, int tid) { return pool->w->locals[tid]; }

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static int job_posted(Workers *w, uint64_t seen) {
  return atomic_load(&w->generation) != seen || atomic_load(&w->stop);
}
static int job_finished(Workers *w, uint64_t unused) {
  (void)unused;
  return atomic_load(&w->state) == JOB_CLOSED;
}

/* Spins until ready(w, arg) or SPIN_NS pass; 1 when ready. Yields now and then, so that a spinning thread
 * gives way when there are more threads than cores. */
static int spin_until(Workers *w, int (*ready)(Workers *, uint64_t), uint64_t arg) {
  int64_t deadline = 0;
  for (int i = 1;; i++) {
    if (ready(w, arg)) return 1;
    if ((i & SPIN_CHECK) == 0) {
      int64_t t = now_ns();
      if (!deadline) deadline = t + SPIN_NS;
      else if (t > deadline) return 0;
      sched_yield();
    }
    cpu_relax();
  }
}

/* A worker's wait for the next job: spins (stamping `beat`) until one is posted, or until SPIN_NS pass since
 * it started waiting or since the last run ended, whichever is later (RUN_SPIN_NS while a run is in
 * progress); 1 when a job is posted. */
static int worker_spin(Workers *w, uint64_t seen) {
  int64_t start = now_ns();
  atomic_store(&w->beat, start);
  for (int i = 1;; i++) {
    if (job_posted(w, seen)) return 1;
    if ((i & SPIN_CHECK) == 0) {
      int64_t t = now_ns(), end = atomic_load(&w->run_end);
      atomic_store(&w->beat, t);
      int64_t since = end > start ? end : start;
      if (t - since > (atomic_load(&w->runs) > 0 ? RUN_SPIN_NS : SPIN_NS)) return 0;
      sched_yield();
    }
    cpu_relax();
  }
}

static void take_tasks(Workers *w, int tid) {
  task_tid = tid;
  for (;;) {
    int64_t t = atomic_fetch_add(&w->next, 1);
    if (t >= w->n_tasks) break;
    w->fn(w->ctx, t, tid);
  }
  task_tid = -1;
}

/*
 * Sleeping without a lost wake-up: the sleeper counts itself (seq_cst) before it checks the condition under
 * `mu`, the waker changes the condition (seq_cst) before it reads the count, so either the sleeper sees the
 * change or the waker sees the sleeper and signals under `mu`.
 */
static void *worker_main(void *arg) {
  WorkerArg a = *(WorkerArg *)arg;
  free(arg);
  Workers *w = a.w;
  uint64_t seen = 0;
  for (;;) {
    if (!worker_spin(w, seen)) {
      pthread_mutex_lock(&w->mu);
      unsigned nudged = atomic_load(&w->nudges);
      atomic_fetch_add(&w->sleepers, 1);
      while (!job_posted(w, seen) && atomic_load(&w->nudges) == nudged) pthread_cond_wait(&w->wake, &w->mu);
      atomic_fetch_sub(&w->sleepers, 1);
      pthread_mutex_unlock(&w->mu);
      if (!job_posted(w, seen)) continue; /* nudged by a run that starts: spin for its first job */
    }
    if (atomic_load(&w->stop)) break;
    seen = atomic_load(&w->generation);
    /* The job's fields are read only after entering: the caller wrote them before it opened the job (a
     * worker that saw an older generation may enter a newer job, which is as good). */
    if (!(atomic_fetch_add(&w->state, 1) & JOB_CLOSED)) take_tasks(w, a.tid);
    /* Stamped before leaving, so that the caller's next parallel_worth (right after this job) sees it on a core. */
    atomic_store(&w->beat, now_ns());
    if (atomic_fetch_sub(&w->state, 1) == JOB_CLOSED + 1 && atomic_load(&w->caller_sleeping)) {
      pthread_mutex_lock(&w->mu);
      pthread_cond_signal(&w->done);
      pthread_mutex_unlock(&w->mu);
    }
  }
  return NULL;
}

static void run_inline(int64_t n_tasks, TaskFn fn, void *ctx) {
  int tid = task_tid >= 0 ? task_tid : 0;
  for (int64_t t = 0; t < n_tasks; t++) fn(ctx, t, tid);
}

void parallel_for(ThreadPool *pool, int64_t n_tasks, TaskFn fn, void *ctx) {
  if (n_tasks <= 0) return;
  Workers *w = pool ? pool->w : NULL;
  if (!w || n_tasks == 1 || task_tid >= 0 || pthread_mutex_trylock(&w->job) != 0) {
    run_inline(n_tasks, fn, ctx);
    return;
  }
  w->fn = fn;
  w->ctx = ctx;
  w->n_tasks = n_tasks;
  atomic_store(&w->next, 0);
  /* Opening keeps the count: a worker that came too late to the last job may not have left it yet. */
  atomic_fetch_and(&w->state, ~JOB_CLOSED);
  atomic_fetch_add(&w->generation, 1);
  atomic_store(&pool->wanted, 1);
  if (atomic_load(&w->sleepers) > 0) wake_sleepers(w);
  take_tasks(w, 0);
  atomic_fetch_or(&w->state, JOB_CLOSED);
  if (!spin_until(w, job_finished, 0)) {
    pthread_mutex_lock(&w->mu);
    atomic_store(&w->caller_sleeping, 1);
    while (!job_finished(w, 0)) pthread_cond_wait(&w->done, &w->mu);
    atomic_store(&w->caller_sleeping, 0);
    pthread_mutex_unlock(&w->mu);
  }
  pthread_mutex_unlock(&w->job);
}

static void wake_sleepers(Workers *w) {
  pthread_mutex_lock(&w->mu);
  pthread_cond_broadcast(&w->wake);
  pthread_mutex_unlock(&w->mu);
}

/* A worker is spinning on a core now: not all asleep, and one stamped `beat` within HOT_NS. A worker that
 * spins but is not on a core (preempted) is no help until the scheduler runs it again, as a sleeping one. */
static int workers_hot(Workers *w) {
  if (atomic_load(&w->sleepers) == w->started) return 0;
  return now_ns() - atomic_load(&w->beat) < HOT_NS;
}

int parallel_worth(ThreadPool *pool, double work_ns) {
  if (!pool || !pool->w) return 0;
  double least = (double)cpu_min_split(PARALLEL_MIN_NS);
  if (work_ns < least) return 0;
  if (work_ns >= (double)cpu_min_split(PARALLEL_MIN_NS_ASLEEP)) return 1;
  atomic_store(&pool->had_small, 1);
  if (!pool->small_splits) return 0;
  atomic_store(&pool->wanted, 1);
  return workers_hot(pool->w);
}

void parallel_for_cost(ThreadPool *pool, int64_t n_tasks, double task_ns, TaskFn fn, void *ctx) {
  parallel_for(parallel_worth(pool, (double)n_tasks * task_ns) ? pool : NULL, n_tasks, fn, ctx);
}

static void workers_free(Workers *w) {
  pthread_mutex_lock(&w->mu);
  atomic_store(&w->stop, 1);
  pthread_cond_broadcast(&w->wake);
  pthread_mutex_unlock(&w->mu);
  for (int i = 0; i < w->started; i++) pthread_join(w->ids[i], NULL);
  for (int i = 0; w->locals && i < w->threads; i++) free(w->locals[i]);
  free(w->locals);
  free(w->ids);
  pthread_mutex_destroy(&w->job);
  pthread_mutex_destroy(&w->mu);
  pthread_cond_destroy(&w->wake);
  pthread_cond_destroy(&w->done);
  free(w);
}

static Workers *workers_start(int threads, size_t local_floats) {
  Workers *w = aligned_alloc(64, sizeof *w); /* `beat`'s own cache line */
  if (!w) return NULL;
  memset(w, 0, sizeof *w);
  w->threads = threads;
  w->local_floats = local_floats;
  pthread_mutex_init(&w->job, NULL);
  pthread_mutex_init(&w->mu, NULL);
  pthread_cond_init(&w->wake, NULL);
  pthread_cond_init(&w->done, NULL);
  atomic_init(&w->generation, 0);
  atomic_init(&w->state, JOB_CLOSED);
  atomic_init(&w->sleepers, 0);
  atomic_init(&w->caller_sleeping, 0);
  atomic_init(&w->stop, 0);
  atomic_init(&w->next, 0);
  atomic_init(&w->beat, 0);
  atomic_init(&w->runs, 0);
  atomic_init(&w->run_end, 0);
  atomic_init(&w->nudges, 0);
  w->locals = calloc((size_t)threads, sizeof *w->locals);
  w->ids = calloc((size_t)threads, sizeof *w->ids);
  if (!w->locals || !w->ids) goto fail;
  for (int i = 1; i < threads && local_floats; i++)
    if (!(w->locals[i] = aligned_alloc(64, (local_floats * sizeof(float) + 63) / 64 * 64))) goto fail;
  for (int i = 1; i < threads; i++) {
    WorkerArg *a = malloc(sizeof *a);
    if (!a) goto fail;
    *a = (WorkerArg){w, i};
    if (pthread_create(&w->ids[w->started], NULL, worker_main, a) != 0) {
      free(a);
      goto fail;
    }
#ifdef __linux__
    pthread_setname_np(w->ids[w->started], "hodu-cpu"); /* for top -H, and the tests that count workers */
#endif
    w->started++;
  }
  return w;
fail:
  workers_free(w);
  return NULL;
}

ThreadPool *pool_create(int threads, size_t local_floats) {
  if (threads <= 0) threads = cpu_physical_cores();
  if (threads > POOL_MAX_THREADS) threads = POOL_MAX_THREADS;
  ThreadPool *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->threads = threads;
  atomic_init(&p->wanted, 0);
  atomic_init(&p->had_small, 0);
  p->small_splits = 1;
  if (threads == 1) return p;
  pthread_mutex_lock(&registry_mu);
  Workers *w = registry;
  while (w && (w->threads != threads || w->local_floats != local_floats)) w = w->older;
  if (!w && (w = workers_start(threads, local_floats))) w->older = registry, registry = w;
  if (w) w->refs++;
  pthread_mutex_unlock(&registry_mu);
  if (!w) {
    free(p);
    return NULL;
  }
  p->w = w;
  return p;
}

void pool_destroy(ThreadPool *pool) {
  if (!pool) return;
  Workers *w = pool->w;
  free(pool);
  if (!w) return;
  pthread_mutex_lock(&registry_mu);
  int last = --w->refs == 0;
  if (last) {
    Workers **link = &registry;
    while (*link != w) link = &(*link)->older;
    *link = w->older;
  }
  pthread_mutex_unlock(&registry_mu);
  if (last) workers_free(w);
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

/* Reads two numbers from a file ("max" for the first reads as -1); the count read. */
static int read_two(const char *path, long *a, long *b) {
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  char first[32] = "";
  int n = fscanf(f, "%31s %ld", first, b);
  fclose(f);
  if (n < 1) return 0;
  *a = strcmp(first, "max") == 0 ? -1 : strtol(first, NULL, 10);
  return n;
}

/* CPUs' worth of time a cgroup quota allows (rounded up), 0 without a quota. cgroup v2's cpu.max of this
 * process's group (or of the namespace's root, as containers mount it), else v1's cfs quota and period. */
static int cgroup_cpu_quota(void) {
  long quota = -1, period = 0;
  char group[256] = "", path[320];
  FILE *f = fopen("/proc/self/cgroup", "r");
  if (f) {
    char line[320];
    while (fgets(line, sizeof line, f))
      if (strncmp(line, "0::", 3) == 0) sscanf(line + 3, "%255s", group);
    fclose(f);
  }
  snprintf(path, sizeof path, "/sys/fs/cgroup%s/cpu.max", strcmp(group, "/") == 0 ? "" : group);
  if (read_two(path, &quota, &period) != 2 && read_two("/sys/fs/cgroup/cpu.max", &quota, &period) != 2) {
    long unused;
    if (read_two("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", &quota, &unused) < 1 ||
        read_two("/sys/fs/cgroup/cpu/cpu.cfs_period_us", &period, &unused) < 1)
      return 0;
  }
  if (quota <= 0 || period <= 0) return 0;
  return (int)((quota + period - 1) / period);
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
  int quota = cgroup_cpu_quota();
  if (quota > 0 && quota < n) n = quota;
  return n > POOL_MAX_THREADS ? POOL_MAX_THREADS : n;
}
