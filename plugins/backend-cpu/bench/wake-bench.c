/*
 * wake-bench: what threads.c's pool costs, in µs (median, p10, p90 of many calls):
 *   hand-off: a parallel_for of 2 tasks that each wait for the other to start (bounded, 5 ms), so the call
 *     lasts as long as handing one task to a worker takes: back to back (worker spinning), 20 µs apart,
 *     and 2 ms apart (worker asleep: the wake-up's cost);
 *   spin: the workers' CPU time in the 50 ms after one job, outside a run and inside one (cpu_pool_set): how
 *     long they spin before sleeping;
 *   splits: W µs of work in 8 tasks on 2 threads (back to back, 20 µs apart, 2 ms apart) against the caller alone;
 *   parallel_worth: its answer for 20 µs of work with the workers spinning and asleep, and its cost;
 *   `busy` as second argument: all of it again with another process spinning on a core (a shared machine).
 *   cc -std=c11 -O2 -pthread -o wake-bench bench/wake-bench.c src/threads.c && ./wake-bench [threads] [busy]
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "../src/threads.h"

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e6 + (double)t.tv_nsec * 1e-3;
}

static double cpu_us(clockid_t id) {
  struct timespec t;
  clock_gettime(id, &t);
  return (double)t.tv_sec * 1e6 + (double)t.tv_nsec * 1e-3;
}

static atomic_int arrived, worker_tasks;
static void rendezvous(void *ctx, int64_t task, int tid) {
  (void)ctx, (void)task;
  if (tid) atomic_fetch_add(&worker_tasks, 1);
  atomic_fetch_add(&arrived, 1);
  double t0 = now_us();
  while (atomic_load(&arrived) < 2 && now_us() - t0 < 5000) {
  }
}

static volatile double sink;
static long iters = 1000;
static void work(void *ctx, int64_t task, int tid) {
  (void)ctx, (void)tid;
  volatile double x = (double)task;
  for (long i = 0; i < iters; i++) x = x * 0.999999 + 1.0;
  sink = x;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void report(const char *name, double *t, int n) {
  qsort(t, (size_t)n, sizeof *t, by_value);
  printf("  %-46s median %7.2f  p10 %7.2f  p90 %8.2f us\n", name, t[n / 2], t[n / 10], t[n * 9 / 10]);
}

static void pause_ns(long ns) {
  if (ns) nanosleep(&(struct timespec){ns / 1000000000, ns % 1000000000}, NULL);
}

static void handoff(ThreadPool *pool, const char *name, int calls, long gap_ns) {
  double *t = malloc(sizeof *t * (size_t)calls);
  if (!t) exit(1);
  atomic_store(&worker_tasks, 0);
  for (int i = 0; i < calls; i++) {
    pause_ns(gap_ns);
    atomic_store(&arrived, 0);
    double t0 = now_us();
    parallel_for(pool, 2, rendezvous, NULL);
    t[i] = now_us() - t0;
  }
  report(name, t, calls);
  printf("    (a worker took a task in %d of %d)\n", atomic_load(&worker_tasks), calls);
  free(t);
}

static void split(ThreadPool *pool, const char *name, int calls, long gap_ns) {
  double *t = malloc(sizeof *t * (size_t)calls);
  if (!t) exit(1);
  for (int i = 0; i < calls; i++) {
    pause_ns(gap_ns);
    double t0 = now_us();
    parallel_for(pool, 8, work, NULL);
    t[i] = now_us() - t0;
  }
  report(name, t, calls);
  free(t);
}

/* The workers' CPU time in the 50 ms after one job (the process's less this thread's). */
static double spin_after_job(ThreadPool *pool) {
  atomic_store(&arrived, 0);
  parallel_for(pool, 2, rendezvous, NULL);
  double p0 = cpu_us(CLOCK_PROCESS_CPUTIME_ID), s0 = cpu_us(CLOCK_THREAD_CPUTIME_ID);
  usleep(50000);
  return cpu_us(CLOCK_PROCESS_CPUTIME_ID) - p0 - (cpu_us(CLOCK_THREAD_CPUTIME_ID) - s0);
}

static void all(ThreadPool *pool) {
  printf("spin: workers' CPU time in the 50 ms after a job: %.0f us outside a run", spin_after_job(pool));
  cpu_pool_set(pool);
  printf(", %.0f us inside one\n", spin_after_job(pool));
  cpu_pool_set(NULL);
  printf("hand-off (2 tasks that wait for each other):\n");
  handoff(pool, "back to back", 3000, 0);
  handoff(pool, "20 us apart", 2000, 20000);
  handoff(pool, "2 ms apart (asleep)", 300, 2000000);
  printf("parallel_worth(20 us of work): spinning ");
  atomic_store(&arrived, 0);
  parallel_for(pool, 2, rendezvous, NULL);
  int hot = parallel_worth(pool, 20000);
  pause_ns(200000000);
  double t0 = now_us();
  int asleep = 0;
  for (int i = 0; i < 100000; i++) asleep += parallel_worth(pool, 20000);
  printf("%d, asleep %d; %.0f ns a call\n", hot, asleep > 0, (now_us() - t0) * 1e3 / 100000);
  for (int us = 5; us <= 80; us *= 2) {
    iters = 1000;
    double w0 = now_us();
    for (int k = 0; k < 20; k++) work(NULL, 0, 0);
    iters = (long)((double)iters * (us / 8.0) / ((now_us() - w0) / 20));
    char name[96];
    printf("%d us of work in 8 tasks:\n", us);
    split(NULL, "the caller alone", 1000, 0);
    split(pool, "2 threads, back to back", 1000, 0);
    split(pool, "2 threads, 20 us apart", 1000, 20000);
    snprintf(name, sizeof name, "2 threads, 2 ms apart (asleep)");
    split(pool, name, 200, 2000000);
  }
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 2;
  ThreadPool *pool = pool_create(threads, 0);
  if (!pool) return 1;
  printf("threads: %d\n", pool_threads(pool));
  all(pool);
  if (argc > 2 && strcmp(argv[2], "busy") == 0) {
    pid_t busy = fork();
    if (busy == 0) {
      volatile long x = 0;
      for (;;) x++;
    }
    usleep(100000);
    printf("--- with another process spinning on a core\n");
    all(pool);
    kill(busy, SIGKILL);
    waitpid(busy, NULL, 0);
  }
  pool_destroy(pool);
  return 0;
}
