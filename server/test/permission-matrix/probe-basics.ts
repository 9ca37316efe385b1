import type { DataSource } from 'typeorm';
import type { Client } from '../client';
import { clientAs } from '../factories';
import type { TestServer } from '../server';

// What every permission-matrix probe builds on: the environment, one attempt, and its verdict.

/** What one call did: 'ok' (worked as asked), 'hidden' (record not visible), or an error code. */
export type Attempt = string;
export type Data = Record<string, any>;

export interface ProbeEnv {
  server: TestServer;
  ds: DataSource;
  /** Owns the "someone else's" records. */
  other: Client;
  /** Sees every activity entry: used to wait until an entry is served at all. */
  admin: Client;
}
export type Probe = (caller: Client, env: ProbeEnv) => Promise<string>;

export async function probeEnv(server: TestServer): Promise<ProbeEnv> {
  return { server, ds: server.ds, other: await clientAs(server, 'SALES_REP'), admin: await clientAs(server, 'ADMIN') };
}

export async function attempt(c: Client, query: string, vars: Data, pick: (data: Data) => Attempt | Promise<Attempt>): Promise<Attempt> {
  const res = await c.request(query, vars);
  if (res.errors?.length) {
    const code = res.errors[0].extensions?.code;
    return code === 'NOT_FOUND' ? 'hidden' : (code ?? `error "${res.errors[0].message}"`);
  }
  return pick(res.data as Data);
}

/** A field with no records to scope: it works for the caller or is refused. */
export async function simple(c: Client, query: string, vars: Data, pick: (data: Data) => Attempt | Promise<Attempt>): Promise<string> {
  const a = await attempt(c, query, vars, pick);
  return a === 'ok' ? 'allowed' : a;
}

export const is = (cond: boolean, what: string): Attempt => (cond ? 'ok' : `unexpected ${what}`);
