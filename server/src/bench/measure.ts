import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { forkServer } from './bench-processes';

// Load generation. Absolute numbers drift on a shared machine (other processes, CPU frequency,
// PostgreSQL's caches), so the servers compared are never loaded one long stretch after another:
// each query's time is cut into ROUNDS slices per server, and the servers take turns, the order
// rotating every round (A B C, B C A, C A B) so none always runs first or right after a warm-up.

export const CONNECTIONS = 10;
export const ROUNDS = 3;
export const warmUpSeconds = (seconds: number) => Math.min(2, seconds);

/** Converge, PostGraphile, the raw `pg` baseline, and Converge's own first page (beside its deep page). */
export type TargetKey = 'api' | 'peer' | 'pg' | 'firstPage';

export interface Target {
  key: TargetKey;
  url: string;
  /** The JSON request body (operation name, query, variables). */
  body: string;
  headers: Record<string, string>;
  /** Sampled for peak RSS while this target is loaded. */
  pid?: number;
}

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  peakRss: number;
}

/** The per-slice result autocannon returns with `skipAggregateResult` (latencies still encoded). */
interface RawResult {
  totalCompletedRequests: number;
  duration: number;
  errors: number;
  non2xx: number;
}
interface Aggregated {
  latency: { p50: number; p99: number };
}
const aggregate = (autocannon as unknown as { aggregateResult(results: RawResult[], opts: object): Aggregated }).aggregateResult;

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return 0; // gone: the run fails on its errors instead
  }
}

function options(t: Target, seconds: number) {
  return { url: t.url, connections: CONNECTIONS, method: 'POST' as const, headers: t.headers, body: t.body, duration: seconds };
}

let generator: { child: ChildProcess; pending: Map<number, { resolve(r: unknown): void; reject(e: Error): void }> } | undefined;
let jobs = 0;

/** Runs autocannon in the load-generator process (load-generator.ts), started on first use. */
function generate(opts: autocannon.Options): Promise<unknown> {
  if (!generator) {
    const child = forkServer(path.join(__dirname, 'load-generator.js'), [], { stdio: 'inherit' });
    const g = { child, pending: new Map<number, { resolve(r: unknown): void; reject(e: Error): void }>() };
    child.on('message', (m: { id?: number; result?: unknown; error?: string }) => {
      if (m.id === undefined) return; // { ready: true }: jobs sent before it are queued in the channel
      const p = g.pending.get(m.id);
      g.pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(`The load generator failed: ${m.error}`));
      else p?.resolve(m.result);
    });
    child.once('exit', (code) => {
      for (const p of g.pending.values()) p.reject(new Error(`The load generator exited (code ${code})`));
      g.pending.clear();
      if (generator === g) generator = undefined;
    });
    generator = g;
  }
  const g = generator;
  const id = ++jobs;
  return new Promise((resolve, reject) => {
    g.pending.set(id, { resolve, reject });
    g.child.send({ id, options: opts });
  });
}

async function slice(t: Target, seconds: number): Promise<{ raw: RawResult; peak: number }> {
  let peak = t.pid ? rssMb(t.pid) : 0;
  const timer = t.pid ? setInterval(() => (peak = Math.max(peak, rssMb(t.pid!))), 200) : undefined;
  try {
    const raw = (await generate({ ...options(t, seconds), skipAggregateResult: true })) as RawResult;
    return { raw, peak: t.pid ? Math.max(peak, rssMb(t.pid)) : 0 };
  } finally {
    if (timer) clearInterval(timer);
  }
}

/**
 * Loads one query on every target: a warm-up each, then ROUNDS rounds of `seconds / ROUNDS` per
 * target in rotating order. req/s is all completed requests over all slices' time; p50/p99 come
 * from the slices' latencies merged into one histogram.
 */
export async function measureAlternating<K extends TargetKey>(targets: (Target & { key: K })[], seconds: number): Promise<Record<K, Measured>> {
  for (const t of targets) await generate({ ...options(t, warmUpSeconds(seconds)), skipAggregateResult: true });
  const slices = new Map<K, { raw: RawResult; peak: number }[]>(targets.map((t) => [t.key, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(round + i) % targets.length];
      slices.get(t.key)!.push(await slice(t, seconds / ROUNDS));
    }
  }
  const out = {} as Record<K, Measured>;
  for (const t of targets) {
    const parts = slices.get(t.key)!;
    const raws = parts.map((p) => p.raw);
    const merged = aggregate(raws, { url: t.url, connections: CONNECTIONS });
    const requests = raws.reduce((n, r) => n + r.totalCompletedRequests, 0);
    const time = raws.reduce((n, r) => n + r.duration, 0);
    out[t.key] = {
      rps: requests / time,
      p50: merged.latency.p50,
      p99: merged.latency.p99,
      errors: raws.reduce((n, r) => n + r.errors + r.non2xx, 0),
      requests,
      peakRss: Math.max(...parts.map((p) => p.peak)),
    };
  }
  return out;
}
