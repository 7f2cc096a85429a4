/**
 * `hodu run --profile-out trace.json`: the run's node timings in Chrome's trace event format (JSON object
 * form, complete "X" events, times in µs), which Perfetto and chrome://tracing open.
 *
 * When every timing says when it started (the interp), spans are placed where they ran and last their wall
 * time, so a body node sits inside its If/Loop/Scan's span. A native backend reports durations only: then the
 * spans are laid out one after another in run order with their self times (body nodes next to their parent,
 * not inside it), and `otherData.layout` says "sequential".
 */
import type { CountedTiming } from '../profile-summary';

interface TraceEvent {
  name: string;
  cat: string;
  ph: 'X';
  ts: number;
  dur: number;
  pid: number;
  tid: number;
  args: { op: string; backend: string; selfMs: number; shapes?: CountedTiming['shapes']; flops?: number; fused?: string[]; partition?: number };
}

interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
  otherData: { tool: 'hodu'; model: string; layout: 'measured' | 'sequential' };
}

const us = (ms: number) => Math.round(ms * 1000 * 1000) / 1000; // µs with ns precision

export function chromeTrace(timings: readonly CountedTiming[], ctx: { model: string; backend: string }): ChromeTrace {
  const measured = timings.length > 0 && timings.every((t) => t.startMs !== undefined && t.wallMs !== undefined && t.partition === undefined);
  let cursor = 0;
  const events = timings.map((t): TraceEvent => {
    const ts = measured ? t.startMs! : cursor;
    const dur = measured ? t.wallMs! : t.ms;
    cursor += t.ms;
    return {
      name: t.node || t.op,
      cat: t.op,
      ph: 'X',
      ts: us(Math.max(0, ts)),
      dur: us(Math.max(0, dur)),
      pid: 1,
      tid: 1,
      args: {
        op: t.op,
        backend: t.backend ?? ctx.backend,
        selfMs: Math.round(t.ms * 1000) / 1000,
        ...(t.shapes ? { shapes: t.shapes } : {}),
        ...(t.flops !== undefined ? { flops: t.flops } : {}),
        ...(t.fused?.length ? { fused: t.fused.map((f) => f.node) } : {}),
        ...(t.partition !== undefined ? { partition: t.partition } : {}),
      },
    };
  });
  // Start order; at one start the longer span first, so a parent precedes the children it contains.
  events.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  return { traceEvents: events, displayTimeUnit: 'ms', otherData: { tool: 'hodu', model: ctx.model, layout: measured ? 'measured' : 'sequential' } };
}
