/*
 * pool-check: threads.c's sharing between sessions, without hodu. Prints `N passed, N failed` (exit 1 on a
 * failure):
 *   - pools of one thread count share their workers: five pools of 3 threads start 2 workers in all (counted
 *     by name in /proc/self/task), and the last pool_destroy joins them;
 *   - two threads (two sessions) running sgemm on the same shared workers at once, many times over, each get
 *     the bits one thread alone gets (sgemm's split does not change them), and every task of a parallel_for
 *     runs exactly once;
 *   - a run that declined a split because the workers slept wakes them as the next run begins.
 * It also prints `cores: N`, the default thread count (cpu_physical_cores), for the tests to run it pinned.
 *   cc -std=c11 -O2 -pthread -o pool-check plugins/backend-cpu/test/pool-check.c <the package.json sources> -lm
 * Run it with HODU_CPU_SPLIT_SMALL=1 so that small products split too.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../src/sgemm.h"
#include "../src/threads.h"

static int passed, failed;

static void check(int ok, const char *what) {
  if (ok) passed++;
  else failed++, printf("FAIL: %s\n", what);
}

/* Threads of this process named hodu-cpu (the pools' workers). */
static int workers_alive(void) {
  DIR *d = opendir("/proc/self/task");
  if (!d) return -1;
  int n = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    char path[300], name[32] = "";
    snprintf(path, sizeof path, "/proc/self/task/%s/comm", e->d_name);
    FILE *f = fopen(path, "r");
    if (f && fgets(name, sizeof name, f)) n += strncmp(name, "hodu-cpu", 8) == 0;
    if (f) fclose(f);
  }
  closedir(d);
  return n;
}

/*
 * workers_alive() once it reads `want`, or its last reading after about 5 s: a joined worker can stay listed
 * for a moment (pthread_join returns when the kernel clears the thread's tid, a little before its task leaves
 * /proc), which a loaded machine makes visible right after pool_destroy.
 */
static int workers_settled(int want) {
  int n = workers_alive();
  for (int i = 0; n != want && i < 500; i++) {
    nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    n = workers_alive();
  }
  return n;
}

static float *randoms(size_t n, unsigned seed) {
  float *x = aligned_alloc(64, (n * sizeof(float) + 63) / 64 * 64);
  for (size_t i = 0; i < n; i++) seed = seed * 1103515245u + 12345u, x[i] = (float)(seed >> 8) / 8388608.0f - 1.0f;
  return x;
}

typedef struct Session {
  int m, n, k, rounds, bad;
  unsigned seed;
} Session;

static atomic_long counted;
static void count_task(void *ctx, int64_t task, int tid) {
  (void)ctx, (void)tid;
  atomic_fetch_add(&counted, task + 1);
}

/* One session: its own pool view of 2 threads, products compared bit for bit with one thread's. */
static void *session_main(void *arg) {
  Session *s = arg;
  float *a = randoms((size_t)s->m * s->k, s->seed), *b = randoms((size_t)s->k * s->n, s->seed + 1);
  float *want = calloc((size_t)s->m * s->n, sizeof(float)), *got = calloc((size_t)s->m * s->n, sizeof(float));
  float *ws = aligned_alloc(64, sgemm_workspace_floats() * sizeof(float));
  sgemm(s->m, s->n, s->k, 1.0f, a, s->k, 1, b, s->n, 1, 0.0f, want, s->n, ws);
  ThreadPool *pool = pool_create(2, sgemm_thread_floats());
  cpu_pool_set(pool);
  for (int r = 0; r < s->rounds && pool; r++) {
    memset(got, 0, (size_t)s->m * s->n * sizeof(float));
    sgemm(s->m, s->n, s->k, 1.0f, a, s->k, 1, b, s->n, 1, 0.0f, got, s->n, ws);
    s->bad += memcmp(got, want, (size_t)s->m * s->n * sizeof(float)) != 0;
    parallel_for(pool, 37, count_task, NULL);
  }
  s->bad += !pool;
  cpu_pool_set(NULL);
  pool_destroy(pool);
  free(a), free(b), free(want), free(got), free(ws);
  return NULL;
}

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/*
 * A run that had work worth a split but ran it alone because the workers slept wakes them as the next run begins,
 * so that they are on a core during that run (parallel_worth says yes to 20 µs of work). Without it a model whose
 * ops each take less than the asleep threshold never splits again once its workers fell asleep. Skipped under
 * HODU_CPU_SPLIT_SMALL (every split is worth it there, asleep or not).
 */
static void check_prewake(void) {
  if (cpu_min_split(100000) != 100000) return;
  ThreadPool *pool = pool_create(2, 0);
  nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL); /* the workers spin ~100 µs, then sleep */
  cpu_pool_set(pool);
  const int asleep = !parallel_worth(pool, 20000);
  cpu_pool_set(NULL);
  /* Runs of 100 ms, each wanting them: on a loaded machine a woken worker may spin its 1 ms while the caller
   * is off its core, and sleep again before the caller looks. */
  int hot = 0;
  for (int run = 0; run < 20 && !hot; run++) {
    cpu_pool_set(pool);
    for (const double end = seconds() + 0.1; !hot && seconds() < end;) hot = parallel_worth(pool, 20000);
    cpu_pool_set(NULL);
  }
  pool_destroy(pool);
  check(asleep, "20 us of work is not worth waking sleeping workers");
  check(hot, "a run that wanted the sleeping workers wakes them as the next run begins");
}

int main(void) {
  printf("cores: %d\n", cpu_physical_cores());
  check(workers_alive() == 0, "no workers before any pool");
  ThreadPool *pools[5];
  for (int i = 0; i < 5; i++) pools[i] = pool_create(3, 16);
  check(workers_settled(2) == 2, "five pools of 3 threads share 2 workers");
  ThreadPool *other = pool_create(2, 16);
  check(workers_settled(3) == 3, "a pool of another thread count has its own worker");
  pool_destroy(other);
  for (int i = 0; i < 4; i++) pool_destroy(pools[i]);
  check(workers_settled(2) == 2, "the workers stay while a pool holds them");
  pool_destroy(pools[4]);
  check(workers_settled(0) == 0, "the last pool_destroy joins the workers");

  Session s[2] = {{67, 131, 45, 150, 0, 7}, {150, 97, 260, 100, 0, 99}};
  pthread_t t[2];
  for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, session_main, &s[i]);
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
  check(s[0].bad == 0 && s[1].bad == 0, "two sessions at once get one thread's bits");
  check(atomic_load(&counted) == (long)(s[0].rounds + s[1].rounds) * 37 * 38 / 2, "every task ran once");
  check(workers_alive() == 0, "both sessions' pools are gone");
  check_prewake();
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
