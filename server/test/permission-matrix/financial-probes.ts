import type { Client } from '../client';
import { createLedgerAccount, ledgerCode, tag } from '../factories';
import type { Probe, ProbeEnv } from './probes';

// The financial module's root fields. Financial records have no owner: a role reads or writes
// all of them or none, so each probe is a single attempt.

type Data = Record<string, any>;

async function once(c: Client, query: string, vars: Data, ok: (data: Data) => boolean): Promise<string> {
  const res = await c.request(query, vars);
  if (res.errors?.length) return res.errors[0].extensions?.code ?? `error "${res.errors[0].message}"`;
  return ok(res.data as Data) ? 'allowed' : `unexpected ${JSON.stringify(res.data)}`;
}

export const FINANCIAL_QUERIES: Record<string, Probe> = {
  ledgerAccount: async (c, env: ProbeEnv) => {
    const a = await createLedgerAccount(env.ds);
    return once(c, `query($id: ID!) { ledgerAccount(id: $id) { id code } }`, { id: a.id }, (d) => d.ledgerAccount?.code === a.code);
  },
  ledgerAccounts: async (c, env) => {
    const a = await createLedgerAccount(env.ds);
    return once(
      c,
      `query($id: ID!) { ledgerAccounts(filter: { id: { eq: $id } }) { nodes { id } } }`,
      { id: a.id },
      (d) => d.ledgerAccounts.nodes.length === 1,
    );
  },
};

export const FINANCIAL_MUTATIONS: Record<string, Probe> = {
  createLedgerAccount: (c) =>
    once(
      c,
      `mutation($input: CreateLedgerAccountInput!) { createLedgerAccount(input: $input) { id type } }`,
      { input: { code: ledgerCode(), name: tag('Fuel'), type: 'EXPENSE' } },
      (d) => d.createLedgerAccount.type === 'EXPENSE',
    ),
  updateLedgerAccount: async (c, env) => {
    const a = await createLedgerAccount(env.ds);
    return once(
      c,
      `mutation($id: ID!) { updateLedgerAccount(id: $id, input: { name: "Renamed" }) { id name } }`,
      { id: a.id },
      (d) => d.updateLedgerAccount.name === 'Renamed',
    );
  },
};
