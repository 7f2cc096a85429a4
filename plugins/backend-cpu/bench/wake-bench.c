/*
 * wake-bench: what one parallel_for of threads.c costs beyond its work, in µs per call, median of many:
 *   back-to-back: calls one after another (as a run's ops follow each other), each with one tiny task per thread;
 *   after a pause: each call after 2 ms of the caller sleeping (workers that had time to fall asleep);
 *   inline: the same tiny tasks on the caller alone (the floor);
 *   20 µs tasks: one task of about 20 µs per thread, back to back, against the same on the caller alone
 *   (what a split op gains: ideally the threads' share of it).
 *   cc -std=c11 -O2 -pthread -o wake-bench bench/wake-bench.c src/threads.c && ./wake-bench [threads]
 */
#define _POSIX_C_SOURCE 199309L
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "../src/threads.h"

#define CALLS 2000
#define PAUSED_CALLS 300

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e6 + (double)t.tv_nsec * 1e-3;
}

static atomic_long sink;
static void tiny_task(void *ctx, int64_t task, int tid) {
  (void)ctx;
  atomic_fetch_add(&sink, task + tid);
}

/* About 20 µs of dependent arithmetic (the loop count is calibrated in main). */
static long work_iters = 1000;
static void work_task(void *ctx, int64_t task, int tid) {
  (void)ctx, (void)tid;
  volatile double x = (double)task;
  for (long i = 0; i < work_iters; i++) x = x * 0.999999 + 1.0;
  atomic_fetch_add(&sink, (long)x);
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median_us_of(ThreadPool *pool, TaskFn fn, int tasks, int calls, long pause_ns) {
  double *t = malloc(sizeof *t * (size_t)calls);
  if (!t) exit(1);
  for (int i = 0; i < calls; i++) {
    if (pause_ns) nanosleep(&(struct timespec){0, pause_ns}, NULL);
    double t0 = now_us();
    parallel_for(pool, tasks, fn, NULL);
    t[i] = now_us() - t0;
  }
  qsort(t, (size_t)calls, sizeof *t, by_value);
  double m = t[calls / 2];
  free(t);
  return m;
}

static double median_us(ThreadPool *pool, int tasks, int calls, long pause_ns) {
  return median_us_of(pool, tiny_task, tasks, calls, pause_ns);
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 2;
  ThreadPool *pool = pool_create(threads, 0);
  if (!pool) return 1;
  int n = pool_threads(pool);
  printf("threads: %d\n", n);
  median_us(pool, n, 200, 0); /* warm-up */
  printf("back-to-back: %.2f us per parallel_for\n", median_us(pool, n, CALLS, 0));
  printf("after a pause: %.2f us per parallel_for\n", median_us(pool, n, PAUSED_CALLS, 2000000));
  printf("inline: %.2f us per parallel_for\n", median_us(NULL, n, CALLS, 0));
  double one = median_us_of(NULL, work_task, 1, 50, 0);
  work_iters = (long)((double)work_iters * 20.0 / (one > 0.01 ? one : 0.01));
  printf("20 us tasks: %.2f us per parallel_for of %d (%.2f on the caller alone)\n",
         median_us_of(pool, work_task, n, 500, 0), n, median_us_of(NULL, work_task, n, 500, 0));
  pool_destroy(pool);
  return 0;
}
