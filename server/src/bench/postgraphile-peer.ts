import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { forkServer } from './bench-processes';
import type { ScenarioName } from './scenarios';

// PostGraphile 5 (amber preset) over the benchmark's database, as a peer to compare with: a mature
// GraphQL-over-PostgreSQL server that compiles each request into one SQL statement. It has no
// notion of a caller, so it sees every row; the benchmark's Converge caller is a sales manager, who
// does too — the rows match, but only Converge pays for authentication and row scoping.

const ORDER_NEWEST = 'orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC], condition: { deletedAt: null }';
const ACCOUNT_PAGE = `edges { cursor node { rowId name industry website phone email createdAt } } pageInfo { hasNextPage endCursor }`;

/** The same rows and fields as SCENARIOS, in PostGraphile's naming (`rowId` is the table's `id`). */
export const PEER_SCENARIOS: Record<ScenarioName, string> = {
  me: `query Me($id: UUID!) { userByRowId(rowId: $id) { rowId name email role } }`,
  accounts: `query Accounts { allAccounts(first: 20, ${ORDER_NEWEST}) { ${ACCOUNT_PAGE} } }`,
  nested: `query NestedDeals { allDeals(first: 20, ${ORDER_NEWEST}) { edges { node { rowId name amount stage accountByAccountId { rowId name } userByOwnerId { rowId name } interactionsByDealId(first: 5, orderBy: [OCCURRED_AT_DESC, PRIMARY_KEY_DESC], condition: { deletedAt: null }) { edges { node { rowId type subject occurredAt } } } } } } }`,
  deepPage: `query DeepPage($after: Cursor) { allAccounts(first: 20, after: $after, ${ORDER_NEWEST}) { ${ACCOUNT_PAGE} } }`,
};

/** PostGraphile's cursor for the account at `offset` (newest first), asked for once before loading. */
export const PEER_DEEP_CURSOR = `query DeepCursor($offset: Int!) { allAccounts(first: 1, offset: $offset, ${ORDER_NEWEST}) { edges { cursor node { rowId } } } }`;

export interface Peer {
  child: ChildProcess;
  url: string;
}

// PostGraphile is no dependency of the workspaces (it wants Node 22, and `npm install` on Node 20
// would warn about it): peer/ holds its own package.json and lock, and the benchmark installs that
// with `npm ci` under DATA_DIR/bench/postgraphile-peer on its first run, and again when the
// committed lock changes. Nothing in the server imports it, so it type-checks without it.
const PEER_MANIFEST_DIR = path.join(__dirname, 'peer');
const PEER_FILES = ['package.json', 'package-lock.json'];
const PEER_STAMP = '.converge-peer-hash';

export class PeerInstallError extends Error {}

function manifestHash(): string {
  const hash = crypto.createHash('sha256');
  for (const file of PEER_FILES)
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(PEER_MANIFEST_DIR, file)))
      .update('\0');
  return hash.digest('hex');
}

function isInstalled(dir: string, hash: string): boolean {
  try {
    return fs.readFileSync(path.join(dir, PEER_STAMP), 'utf8').trim() === hash && fs.existsSync(path.join(dir, 'node_modules', 'postgraphile', 'package.json'));
  } catch {
    return false;
  }
}

/** npm as the benchmark was started with (`npm run bench`), else the one on the PATH. */
function npmCommand(): { command: string; args: string[] } {
  const cli = process.env.npm_execpath;
  if (cli && /\.[cm]?js$/.test(cli)) return { command: process.execPath, args: [cli] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
}

/** The outer `npm run` exports its own settings (workspace, prefix, …): the peer's install starts clean of those. */
function npmEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(local_prefix|prefix|global|workspaces?|include_workspace_root|dry_run|package_lock_only|omit|include|production|only)$/i.test(key))
      delete env[key];
  }
  return env;
}

function runNpmCi(dir: string): Promise<void> {
  const { command, args } = npmCommand();
  const flags = ['ci', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', '--engine-strict=false', '--loglevel=error'];
  return new Promise((resolve, reject) => {
    // PostGraphile asks for Node 22: npm's engine warnings are expected here (--loglevel=error keeps them out).
    const child = spawn(command, [...args, ...flags], { cwd: dir, env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer) => {
      if (output.length < 64_000) output += d.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (err) => reject(new Error(`npm could not be started: ${err.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) return resolve();
      const lines = output.split('\n').map((l) => l.replace(/^npm (error|ERR!)\s*/, '').trim());
      const reason = lines.find((l) => /^code\s/.test(l)) ?? lines.find(Boolean) ?? 'no output';
      reject(new Error(`npm ci ${signal ? `was ended by ${signal}` : `exited with ${code}`}: ${reason}`));
    });
  });
}

/**
 * Makes sure the PostGraphile peer is installed under `dir` (a folder of the benchmark's data) from
 * the committed package.json and lock, installing it when missing or when the lock changed. Returns
 * `dir`. A failed install (no registry, say) throws PeerInstallError with one sentence.
 */
export async function ensurePeer(dir: string, log: (message: string) => void): Promise<string> {
  const hash = manifestHash();
  if (isInstalled(dir, hash)) return dir;
  log('Installing the PostGraphile peer for the benchmark (once) …');
  // Installed next to its final place and moved there when complete, so a broken install never counts.
  const staging = `${dir}.installing`; // left over by an interrupted install: started afresh
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    for (const file of PEER_FILES) fs.copyFileSync(path.join(PEER_MANIFEST_DIR, file), path.join(staging, file));
    await runNpmCi(staging);
    fs.writeFileSync(path.join(staging, PEER_STAMP), hash + '\n');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new PeerInstallError(
      `The benchmark could not install its PostGraphile peer into ${dir} (${(err as Error).message}); the first run needs the npm registry, so run it again when the registry is reachable.`,
    );
  }
  return dir;
}

/**
 * Starts PostGraphile's own CLI from the installed peer (`peerDir`, see ensurePeer) as a child of
 * the benchmark (ended with it like the other servers), with the Promise.withResolvers polyfill and
 * the configuration next to this file, which loads PostGraphile from the same folder. `cwd` is the
 * benchmark's private folder, so no stray graphile.config.* is picked up.
 */
export function startPeer(databaseUrl: string, port: number, cwd: string, peerDir: string): Peer {
  const cli = path.join(path.dirname(createRequire(path.join(peerDir, 'package.json')).resolve('postgraphile/cli')), 'cli-run.js');
  const child = forkServer(cli, ['-C', path.join(__dirname, 'postgraphile.config.cjs'), '-n', '127.0.0.1', '-p', String(port)], {
    cwd,
    execArgv: ['--require', path.join(__dirname, 'postgraphile-preload.cjs')],
    env: { ...process.env, DATABASE_URL: databaseUrl, POSTGRAPHILE_PEER_DIR: peerDir, GRAPHILE_ENV: 'production', NODE_ENV: 'production' },
    stdio: ['ignore', 2, 'inherit', 'ipc'], // its banner goes to stderr: stdout carries the report
  });
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

/** Resolves once PostGraphile answers a query (its schema is built from the database first). */
export function peerReady(peer: Peer, timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    let done = false;
    peer.child.once('exit', (code) => {
      if (!done) reject(new Error(`PostGraphile exited with ${code} before it was ready`));
      done = true;
    });
    const poll = async () => {
      if (done) return;
      try {
        const res = await fetch(peer.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
        if (res.ok && ((await res.json()) as { data?: unknown }).data) {
          done = true;
          return resolve();
        }
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) {
        done = true;
        return reject(new Error(`PostGraphile did not answer within ${timeoutMs / 1000} s`));
      }
      setTimeout(poll, 250);
    };
    void poll();
  });
}

/* eslint-disable @typescript-eslint/no-explicit-any -- walking two GraphQL answers of known shape */
const accountIds = (page: any) => [...(page?.edges ?? []).map((e: any) => e.node?.id ?? e.node?.rowId), `hasNextPage=${page?.pageInfo?.hasNextPage}`];

/** The ids a Converge answer holds, in order (for the nested query: each deal, its account, owner, interactions). */
export function convergeIds(name: ScenarioName, body: any): string[] {
  const d = body?.data;
  if (name === 'me') return [d?.me?.id];
  if (name === 'nested')
    return (d?.deals?.edges ?? []).flatMap(({ node: n }: any) => [n.id, n.account?.id, n.owner?.id, ...n.interactions.edges.map((e: any) => e.node.id)]);
  return accountIds(d?.accounts);
}

/** The same walk over PostGraphile's answer. */
export function peerIds(name: ScenarioName, body: any): string[] {
  const d = body?.data;
  if (name === 'me') return [d?.userByRowId?.rowId];
  if (name === 'nested')
    return (d?.allDeals?.edges ?? []).flatMap(({ node: n }: any) => [
      n.rowId,
      n.accountByAccountId?.rowId,
      n.userByOwnerId?.rowId,
      ...n.interactionsByDealId.edges.map((e: any) => e.node.rowId),
    ]);
  return accountIds(d?.allAccounts);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export class AnswerMismatchError extends Error {}

/** Stops the run unless PostGraphile's answer names the same rows, in the same order, as Converge's. */
export function assertSameRows(name: ScenarioName, converge: unknown, peer: unknown): void {
  const ours = convergeIds(name, converge);
  const theirs = peerIds(name, peer);
  const errors = (peer as { errors?: { message: string }[] })?.errors;
  const at = ours.findIndex((id, i) => id !== theirs[i]);
  if (!errors && ours.length > 0 && ours.every((id) => id != null) && ours.length === theirs.length && at === -1) return;
  const detail = errors
    ? `PostGraphile answered with errors: ${errors.map((e) => e.message).join('; ')}`
    : at === -1 && ours.length === theirs.length
      ? `Converge's answer holds no ids or a null one: ${JSON.stringify(converge)}`
      : ours.length !== theirs.length
        ? `Converge's answer holds ${ours.length} ids, PostGraphile's ${theirs.length}`
        : `first difference at position ${at}: Converge ${ours[at]}, PostGraphile ${theirs[at]}`;
  throw new AnswerMismatchError(
    `The ${name} query does not read the same rows on both servers (${detail}). The comparison would be meaningless; stopping before the load.`,
  );
}
