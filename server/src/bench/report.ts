import { CONNECTIONS, ROUNDS, warmUpSeconds, type Measured } from './measure';
import type { ScenarioName } from './scenarios';

// The benchmark's Markdown report: one table per run, then (for several runs) the spread of the
// ratios, then the targets with what this invocation measured against them.

type ServerResults = Record<'api' | 'peer' | 'pg', Measured>;
/** Each scenario against the three servers; the deep page also beside Converge's own first page. */
export type RunResult = Record<ScenarioName, ServerResults> & { deepPage: ServerResults & { firstPage: Measured } };

export interface ReportInput {
  runs: RunResult[];
  seconds: number;
  /** SQL statements per Converge request, by page size (me has one size). */
  statements: Record<ScenarioName, Record<number, number>>;
  pageSize: number;
  names: ScenarioName[];
}

/** Targets: DESIGN.md §7 against the raw `pg` baseline, and at least PostGraphile's throughput. */
const RAW_TARGET: Record<ScenarioName, number | undefined> = { me: 0.3, accounts: 0.35, nested: 0.75, deepPage: undefined };
const PEER_TARGET = 1.0;
const FIRST_PAGE_TARGET = 0.9;
const NESTED_P99_MS = 30;
const RSS_MB = 300;

const x = (n: number) => `${n.toFixed(2)}×`;
const range = (xs: number[], fmt: (n: number) => string) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`;
};
const ms = (n: number) => String(Math.round(n));

const vsPeer = (r: RunResult, n: ScenarioName) => r[n].api.rps / r[n].peer.rps;
const vsPg = (r: RunResult, n: ScenarioName) => r[n].api.rps / r[n].pg.rps;
// Measured in the same slices as the deep page, so a machine that speeds up or slows down between
// scenarios does not show as a difference between the pages.
const ofFirstPage = (r: RunResult) => r.deepPage.api.rps / r.deepPage.firstPage.rps;
const apiPeak = (r: RunResult) => Math.max(...Object.values(r).map((m) => m.api.peakRss));
const peerPeak = (r: RunResult) => Math.max(...Object.values(r).map((m) => m.peer.peakRss));

function statementCell(counts: Record<number, number>): string {
  const values = Object.values(counts);
  if (values.every((v) => v === values[0])) return String(values[0]);
  return Object.entries(counts)
    .map(([size, n]) => `${n} (first: ${size})`)
    .join(', ');
}

function runTable(r: RunResult, input: ReportInput): string[] {
  const rows = [
    '| query | Converge req/s | PostGraphile req/s | raw pg req/s | ÷ PostGraphile | ÷ raw pg | Converge p50 / p99 ms | PostGraphile p50 / p99 ms | raw pg p50 / p99 ms | SQL / request | errors C / PG / pg |',
    '|---|---:|---:|---:|---:|---:|---|---|---|---:|---|',
  ];
  for (const n of input.names) {
    const m = r[n];
    const pg = n === 'deepPage' ? `${x(vsPg(r, n))} (${x(ofFirstPage(r))} of own first page)` : x(vsPg(r, n));
    rows.push(
      `| ${n} | ${m.api.rps.toFixed(0)} | ${m.peer.rps.toFixed(0)} | ${m.pg.rps.toFixed(0)} | ${x(vsPeer(r, n))} | ${pg} | ` +
        `${ms(m.api.p50)} / ${ms(m.api.p99)} | ${ms(m.peer.p50)} / ${ms(m.peer.p99)} | ${ms(m.pg.p50)} / ${ms(m.pg.p99)} | ` +
        `${statementCell(input.statements[n])} | ${m.api.errors} / ${m.peer.errors} / ${m.pg.errors} |`,
    );
  }
  rows.push('', `Converge peak RSS under load: ${apiPeak(r).toFixed(0)} MB (PostGraphile: ${peerPeak(r).toFixed(0)} MB).`);
  return rows;
}

function spread(input: ReportInput): string[] {
  const { runs } = input;
  const rows = [
    `Over ${runs.length} runs (min–max):`,
    '',
    '| query | ÷ PostGraphile | ÷ raw pg | Converge p99 ms | PostGraphile p99 ms |',
    '|---|---:|---:|---|---|',
  ];
  for (const n of input.names) {
    const pg = range(
      runs.map((r) => vsPg(r, n)),
      x,
    );
    rows.push(
      `| ${n} | ${range(
        runs.map((r) => vsPeer(r, n)),
        x,
      )} | ${n === 'deepPage' ? `${pg} (${range(runs.map(ofFirstPage), x)} of own first page)` : pg} | ${range(
        runs.map((r) => r[n].api.p99),
        ms,
      )} | ${range(
        runs.map((r) => r[n].peer.p99),
        ms,
      )} |`,
    );
  }
  rows.push('', `Converge peak RSS: ${range(runs.map(apiPeak), ms)} MB.`);
  return rows;
}

function targets(input: ReportInput): string[] {
  const { runs, names } = input;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const lowest = (f: (r: RunResult) => number) => Math.min(...runs.map(f));
  const highest = (f: (r: RunResult) => number) => Math.max(...runs.map(f));
  const out = ['Targets (lowest ratio / highest latency over the runs):', ''];
  for (const n of names) {
    const peer = lowest((r) => vsPeer(r, n));
    out.push(`- ${n} ≥ ${x(PEER_TARGET)} PostGraphile: ${x(peer)} — ${verdict(peer >= PEER_TARGET)}`);
  }
  for (const n of names) {
    const want = RAW_TARGET[n];
    if (want === undefined) continue;
    const got = lowest((r) => vsPg(r, n));
    out.push(`- ${n} ≥ ${x(want)} raw pg: ${x(got)} — ${verdict(got >= want)}`);
  }
  const first = lowest(ofFirstPage);
  out.push(`- deepPage ≥ ${x(FIRST_PAGE_TARGET)} of Converge's own first page: ${x(first)} — ${verdict(first >= FIRST_PAGE_TARGET)}`);
  const p99 = highest((r) => r.nested.api.p99);
  out.push(`- nested p99 ≤ ${NESTED_P99_MS} ms at ${CONNECTIONS} connections: ${ms(p99)} ms — ${verdict(p99 <= NESTED_P99_MS)}`);
  const constant = names.every((n) => new Set(Object.values(input.statements[n])).size === 1);
  const sizes = [...new Set(names.flatMap((n) => Object.keys(input.statements[n]).map(Number)))].sort((a, b) => a - b).join(', ');
  out.push(`- SQL statements per request the same at page sizes ${sizes}: ${verdict(constant)}`);
  const rss = highest(apiPeak);
  out.push(`- Converge peak RSS ≤ ${RSS_MB} MB: ${ms(rss)} MB — ${verdict(rss <= RSS_MB)}`);
  return out;
}

export function renderReport(input: ReportInput): string {
  const { runs, seconds } = input;
  const out: string[] = [];
  runs.forEach((r, i) => {
    if (runs.length > 1) out.push(`Run ${i + 1} of ${runs.length}:`, '');
    out.push(...runTable(r, input), '');
  });
  if (runs.length > 1) out.push(...spread(input), '');
  out.push(...targets(input), '');
  out.push(
    `${CONNECTIONS} connections. Per query, after a ${warmUpSeconds(seconds)} s warm-up of each server, Converge, PostGraphile and raw pg take turns in ` +
      `${ROUNDS} rounds of ${(seconds / ROUNDS).toFixed(1)} s slices (order rotating each round; ${seconds} s per server in all); ` +
      `req/s is requests over the slices' time, p50/p99 over all slices' latencies. The deep page also takes turns with Converge's own first page, its "of own first page" ratio. SQL / request counts Converge's statements ` +
      `(authentication included) at first: ${input.pageSize}, checked at the other page sizes on the same instance; PostGraphile has no authentication step.`,
  );
  return out.join('\n');
}
