import { createLedgerAccount, ledgerCode, tag } from '../factories';
import { is, simple, type Probe } from './probe-basics';

// The financial module's root fields. Financial records have no owner: a role reads or writes
// all of them or none, so each probe is a single attempt.

export const FINANCIAL_QUERIES: Record<string, Probe> = {
  ledgerAccount: async (c, env) => {
    const a = await createLedgerAccount(env.ds);
    return simple(c, `query($id: ID!) { ledgerAccount(id: $id) { id code } }`, { id: a.id }, (d) => is(d.ledgerAccount?.code === a.code, 'code'));
  },
  ledgerAccounts: async (c, env) => {
    const a = await createLedgerAccount(env.ds);
    return simple(c, `query($id: ID!) { ledgerAccounts(filter: { id: { eq: $id } }) { nodes { id } } }`, { id: a.id }, (d) =>
      is(d.ledgerAccounts.nodes.length === 1, 'nodes'),
    );
  },
};

export const FINANCIAL_MUTATIONS: Record<string, Probe> = {
  createLedgerAccount: (c) =>
    simple(
      c,
      `mutation($input: CreateLedgerAccountInput!) { createLedgerAccount(input: $input) { id type } }`,
      { input: { code: ledgerCode(), name: tag('Fuel'), type: 'EXPENSE' } },
      (d) => is(d.createLedgerAccount.type === 'EXPENSE', 'type'),
    ),
  updateLedgerAccount: async (c, env) => {
    const a = await createLedgerAccount(env.ds);
    return simple(c, `mutation($id: ID!) { updateLedgerAccount(id: $id, input: { name: "Renamed" }) { id name } }`, { id: a.id }, (d) =>
      is(d.updateLedgerAccount.name === 'Renamed', 'name'),
    );
  },
};
