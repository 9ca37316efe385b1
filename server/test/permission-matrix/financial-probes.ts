import { createJournalEntry, createLedgerAccount, ledgerCode, tag } from '../factories';
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
  journalEntry: async (c, env) => {
    const e = await createJournalEntry(env.ds);
    return simple(c, `query($id: ID!) { journalEntry(id: $id) { id lines { debit } } }`, { id: e.id }, (d) => is(d.journalEntry?.lines.length === 2, 'lines'));
  },
  journalEntries: async (c, env) => {
    const e = await createJournalEntry(env.ds);
    return simple(c, `query($id: ID!) { journalEntries(filter: { id: { eq: $id } }) { nodes { id } } }`, { id: e.id }, (d) =>
      is(d.journalEntries.nodes.length === 1, 'nodes'),
    );
  },
  trialBalance: async (c, env) => {
    await createJournalEntry(env.ds, { posted: true, date: '2026-01-10' });
    return simple(c, `{ trialBalance(asOf: "2026-01-10") { totalDebit totalCredit rows { debit } } }`, {}, (d) =>
      is(d.trialBalance.rows.length > 0 && d.trialBalance.totalDebit === d.trialBalance.totalCredit, 'totals'),
    );
  },
  financialSettings: (c) => simple(c, `{ financialSettings { lockDate } }`, {}, (d) => is('lockDate' in d.financialSettings, 'lockDate')),
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
  createJournalEntry: (c) =>
    simple(c, `mutation { createJournalEntry(input: { date: "2026-02-01", lines: [] }) { id status } }`, {}, (d) =>
      is(d.createJournalEntry.status === 'DRAFT', 'status'),
    ),
  updateJournalEntry: async (c, env) => {
    const e = await createJournalEntry(env.ds);
    return simple(c, `mutation($id: ID!) { updateJournalEntry(id: $id, input: { memo: "Changed" }) { memo } }`, { id: e.id }, (d) =>
      is(d.updateJournalEntry.memo === 'Changed', 'memo'),
    );
  },
  deleteJournalEntry: async (c, env) => {
    const e = await createJournalEntry(env.ds);
    return simple(c, `mutation($id: ID!) { deleteJournalEntry(id: $id) }`, { id: e.id }, (d) => is(d.deleteJournalEntry === true, 'result'));
  },
  restoreJournalEntry: async (c, env) => {
    const e = await createJournalEntry(env.ds);
    await env.ds.query(`UPDATE "journal_entries" SET "deletedAt" = now() WHERE "id" = $1`, [e.id]);
    return simple(c, `mutation($id: ID!) { restoreJournalEntry(id: $id) { deletedAt } }`, { id: e.id }, (d) =>
      is(d.restoreJournalEntry.deletedAt === null, 'deletedAt'),
    );
  },
  postJournalEntry: async (c, env) => {
    const e = await createJournalEntry(env.ds);
    return simple(c, `mutation($id: ID!) { postJournalEntry(id: $id) { status } }`, { id: e.id }, (d) => is(d.postJournalEntry.status === 'POSTED', 'status'));
  },
  reverseJournalEntry: async (c, env) => {
    const e = await createJournalEntry(env.ds, { posted: true });
    return simple(c, `mutation($id: ID!) { reverseJournalEntry(id: $id, date: "2026-02-01") { source } }`, { id: e.id }, (d) =>
      is(d.reverseJournalEntry.source === 'REVERSAL', 'source'),
    );
  },
  // An early date, before anything the tests book: moving it changes no one else's postings.
  setLockDate: (c) =>
    simple(c, `mutation { setLockDate(date: "2000-01-01") { lockDate } }`, {}, (d) => is(d.setLockDate.lockDate === '2000-01-01', 'lockDate')),
};
