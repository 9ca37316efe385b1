import { createClient, Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Client } from './client';
import { tag } from './factories';
import type { TestServer } from './server';

// graphql-ws helpers for subscription tests: sockets as a given user, subscriptions as queues of
// events read with bounded waits, and feed catch-up through activityLog.

const sockets: WsClient[] = [];
let wsUrl = '';

/** Points the helpers at a test server (call in beforeAll). */
export function useWsServer(server: TestServer): void {
  wsUrl = server.url.replace(/^http/, 'ws');
}

/** Closes every socket the helpers opened (call in afterAll). */
export async function disposeSockets(): Promise<void> {
  await Promise.all(sockets.splice(0).map((s) => s.dispose()));
}

/** A graphql-ws client as the holder of `token`, on the helpers' server or the one at `url` (its /graphql URL). */
export function socket(token: string | null, url?: string): WsClient {
  const client = createClient({
    url: url ? url.replace(/^http/, 'ws') : wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  sockets.push(client);
  return client;
}

export const SUBSCRIPTION = `subscription($filter: ActivityFilter) { activityLogged(filter: $filter) {
  id cursor action entityType entityId entityLabel actor { id name } viaApiKey { id } changes createdAt } }`;

/** One subscription as a queue of events, read with bounded waits. */
export class Subscription {
  private events: any[] = [];
  private waiter: (() => void) | null = null;
  failure: unknown = null;
  /** Ends the subscription (a `complete` message to the server). */
  readonly stop: () => void;

  constructor(
    readonly client: WsClient,
    filter?: Record<string, unknown>,
  ) {
    this.stop = client.subscribe(
      { query: SUBSCRIPTION, variables: { filter } },
      {
        next: (r) => this.push(r.errors ? { errors: r.errors } : r.data!.activityLogged),
        error: (e) => {
          this.failure = e;
          this.waiter?.();
        },
        complete: () => undefined,
      },
    );
  }

  private push(e: unknown): void {
    this.events.push(e);
    this.waiter?.();
  }

  /** The next event; fails after `ms` without one. */
  async next(ms = 5000): Promise<any> {
    const deadline = Date.now() + ms;
    while (!this.events.length && !this.failure && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, deadline - Date.now());
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.waiter = null;
    }
    if (this.failure) throw new Error(`subscription failed: ${JSON.stringify(this.failure, ['code', 'reason', 'message'])}`);
    if (!this.events.length) throw new Error(`no event within ${ms} ms`);
    return this.events.shift();
  }

  /** Asserts nothing more arrives for a short while (called after an event that was delivered). */
  async expectQuiet(ms = 300): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
    expect(this.events).toEqual([]);
  }
}

/**
 * Subscribes as `c` (on `url` when given, else the helpers' server) and returns once the subscription is live on the server. There is no
 * protocol message for that, so `probe` makes an own write the subscription must receive,
 * repeated until one arrives. Events come in publish order, so once the latest probe's event is
 * in, no earlier probe's event can still be queued.
 */
export async function subscribed(
  c: Client,
  filter?: Record<string, unknown>,
  probe: (c: Client) => Promise<string> = createOwnAccount,
  url?: string,
): Promise<Subscription> {
  const sub = new Subscription(socket(c.token, url), filter);
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = await probe(c);
    try {
      while ((await sub.next(250 * (attempt + 1))).entityId !== id);
      return sub;
    } catch (err) {
      if (sub.failure) throw err;
    }
  }
  throw new Error('the subscription never became live');
}

export async function createOwnAccount(c: Client, name = tag('Probe')): Promise<string> {
  return (await c.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name } })).createAccount.id;
}

export const FEED = `query($after: String, $filter: ActivityFilter) { activityLog(first: 100, after: $after, filter: $filter) {
  edges { cursor node { id cursor entityId action } } } }`;

/** activityLog edges once at least `min` are served (rows trail any still-open older transaction). */
export async function feedEdges(c: Client, vars: Record<string, unknown>, min: number): Promise<any[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const edges = (await c.ok(FEED, vars)).activityLog.edges;
    if (edges.length >= min || Date.now() > deadline) return edges;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** How the connection ended when the server refused it. */
export function closeCode(token: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = socket(token);
    client.subscribe(
      { query: SUBSCRIPTION },
      {
        next: () => reject(new Error('an unauthenticated socket received an event')),
        error: (e) => resolve((e as { code: number }).code),
        complete: () => reject(new Error('completed instead of closing')),
      },
    );
  });
}

/** How a socket ended (graphql-ws close code and reason). */
export interface Closed {
  code: number;
  reason: string;
}

/**
 * An eager socket as the holder of `token`: resolves once the server acknowledged it, or rejects
 * with how the server closed it instead.
 */
export function connectedSocket(token: string, url?: string): Promise<WsClient> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: url ? url.replace(/^http/, 'ws') : wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    sockets.push(client);
    client.on('connected', () => resolve(client));
    client.on('closed', (event) => {
      const { code, reason } = event as Closed;
      reject(Object.assign(new Error(`socket closed: ${code} ${reason}`), { code, reason }));
    });
  });
}

/** The outcome of one operation over a socket: its last result, or the error it ended with. */
export interface SocketResult {
  data?: any;
  errors?: { message: string; extensions?: Record<string, any> }[];
  closed?: Closed;
}

/** Runs one query or mutation over `client` and resolves with how it ended. */
export function runOverSocket(client: WsClient, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<SocketResult> {
  return new Promise((resolve) => {
    let result: SocketResult = {};
    client.subscribe(
      { query, variables, operationName },
      {
        next: (r) => {
          result = r as SocketResult;
        },
        error: (e) => {
          if (Array.isArray(e)) resolve({ errors: e as SocketResult['errors'] });
          else resolve({ closed: { code: (e as Closed).code, reason: (e as Closed).reason } });
        },
        complete: () => resolve(result),
      },
    );
  });
}
