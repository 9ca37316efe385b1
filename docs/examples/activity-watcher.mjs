#!/usr/bin/env node
// A resumable watcher of the Converge activity feed: it never misses an entry it may see and never
// handles one twice, across reconnects, server restarts and several API instances.
//
//   CONVERGE_URL=http://localhost:4000/graphql CONVERGE_TOKEN=<session token or API key> \
//   node docs/examples/activity-watcher.mjs
//
// Optional: CONVERGE_FILTER='{"entityType":{"eq":"Deal"}}' (an ActivityFilter) and CURSOR_FILE
// (default .activity-cursor) where the last handled cursor is kept between runs.
// Each entry is written to stdout as one JSON line; progress goes to stderr.
//
// The recipe, on every (re)connect:
//   1. subscribe to activityLogged (events that arrive now are buffered);
//   2. on the same connection, page through activityLog(first: 100, after: <last cursor>) until
//      hasNextPage is false, handling each entry;
//   3. handle the buffered events, then live ones, skipping any cursor already handled.
// Subscribing before catching up, over one connection, leaves no window in which an entry can be
// neither in the catch-up pages nor live. When the server closes the socket with 1012 (its live
// feed was interrupted, e.g. Redis restarted), reconnect at once and do the same again.
import fs from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = (process.env.CONVERGE_URL ?? 'http://localhost:4000/graphql').replace(/^http/, 'ws');
const token = process.env.CONVERGE_TOKEN;
const filter = process.env.CONVERGE_FILTER ? JSON.parse(process.env.CONVERGE_FILTER) : null;
const cursorFile = process.env.CURSOR_FILE ?? '.activity-cursor';
if (!token) {
  console.error('Set CONVERGE_TOKEN to a session token (from login) or an API key.');
  process.exit(2);
}

const ENTRY = 'id cursor action entityType entityId entityLabel actor { id name } changes createdAt';
const LIVE = `subscription Live($filter: ActivityFilter) { activityLogged(filter: $filter) { ${ENTRY} } }`;
const PAGE = `query CatchUp($after: String, $filter: ActivityFilter) {
  activityLog(first: 100, after: $after, filter: $filter) { pageInfo { hasNextPage } edges { node { ${ENTRY} } } } }`;
const NEWEST = `query Newest($filter: ActivityFilter) { activityLog(last: 1, filter: $filter) { edges { cursor } } }`;

const log = (message) => console.error(`[watcher] ${message}`);

let cursor = fs.existsSync(cursorFile) ? fs.readFileSync(cursorFile, 'utf8').trim() || null : null;

// Cursors handled lately: catch-up pages and buffered live events overlap.
const recent = new Set();
function remember(c) {
  recent.add(c);
  if (recent.size > 10_000) recent.delete(recent.values().next().value);
}

/** Your work goes here. It runs once per entry, in feed order. */
function handle(entry) {
  if (recent.has(entry.cursor)) return;
  remember(entry.cursor);
  process.stdout.write(JSON.stringify(entry) + '\n');
  cursor = entry.cursor;
  fs.writeFileSync(cursorFile, cursor); // after handling: a crash re-handles at most this entry
}

class GraphQLErrors extends Error {
  constructor(errors) {
    super(JSON.stringify(errors));
    this.code = 'graphql-errors';
  }
}

/** Runs one query over the graphql-ws connection. */
function query(client, query, variables) {
  return new Promise((resolve, reject) => {
    let result;
    client.subscribe(
      { query, variables },
      {
        next: (r) => {
          result = r;
        },
        error: reject,
        complete: () => (result?.errors ? reject(new GraphQLErrors(result.errors)) : resolve(result.data)),
      },
    );
  });
}

/** One connection, from connect to close; resolves with the close code. */
function session() {
  return new Promise((resolve) => {
    let done = false;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${token}` },
      retryAttempts: 0, // reconnecting is this script's job: each connection must catch up first
      on: { connected: () => log('connected') },
    });
    const finish = (code, why) => {
      if (done) return;
      done = true;
      log(`connection closed (${code}${why ? `: ${why}` : ''})`);
      void client.dispose();
      resolve(code);
    };
    let buffer = [];
    client.subscribe(
      { query: LIVE, variables: { filter } },
      {
        next: ({ data, errors }) => {
          if (errors) return finish('graphql-errors', JSON.stringify(errors));
          if (buffer) buffer.push(data.activityLogged);
          else handle(data.activityLogged);
        },
        error: (err) => finish(err?.code ?? 'error', err?.reason || err?.message),
        complete: () => finish('complete'),
      },
    );
    (async () => {
      if (cursor === null) {
        // First run: start from the newest entry (use `after: null` instead to replay the whole log).
        const newest = (await query(client, NEWEST, { filter })).activityLog.edges[0];
        if (newest) {
          cursor = newest.cursor;
          remember(cursor);
        }
      }
      let caughtUp = 0;
      for (;;) {
        const page = (await query(client, PAGE, { after: cursor, filter })).activityLog;
        for (const { node } of page.edges) {
          handle(node);
          caughtUp++;
        }
        if (!page.pageInfo.hasNextPage) break;
      }
      const pending = buffer;
      buffer = null;
      for (const entry of pending) handle(entry);
      log(`caught up (${caughtUp} entries); live`);
    })().catch((err) => finish(err?.code ?? 'error', err?.reason || err?.message));
  });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    stopping = true;
    process.exit(0);
  });

for (let attempt = 0; !stopping; attempt++) {
  const started = Date.now();
  const code = await session();
  if (code === 4403) {
    log('the server refused the token (revoked, expired or deactivated user): sign in again');
    process.exit(3);
  }
  if (code === 'graphql-errors') {
    log('the server refused the request (a bad filter or cursor?): fix it and start again');
    process.exit(4);
  }
  if (Date.now() - started > 30_000) attempt = 0;
  // 1012 (the server asks for a resync): reconnect almost at once; otherwise back off, up to 30 s.
  const wait = code === 1012 ? 100 + Math.random() * 400 : Math.min(30_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
  await new Promise((r) => setTimeout(r, wait));
}
