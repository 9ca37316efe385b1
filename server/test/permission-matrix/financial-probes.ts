import { createAccount, createExpense, createInvoice, createWorkOrder, createJournalEntry, createLedgerAccount, ledgerCode, tag } from '../factories';
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
  invoice: async (c, env) => {
    const i = await createInvoice(env.ds, env.other.user.id);
    return simple(c, `query($id: ID!) { invoice(id: $id) { id lines { amount } } }`, { id: i.id }, (d) => is(d.invoice?.lines.length === 1, 'lines'));
  },
  invoices: async (c, env) => {
    const i = await createInvoice(env.ds, env.other.user.id);
    return simple(c, `query($id: ID!) { invoices(filter: { id: { eq: $id } }) { nodes { id } } }`, { id: i.id }, (d) =>
      is(d.invoices.nodes.length === 1, 'nodes'),
    );
  },
  payments: async (c, env) => {
    const i = await createInvoice(env.ds, env.other.user.id, { issued: true });
    await env.admin.ok(`mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amount: "1.00", date: "2026-01-11", method: CASH }) { id } }`, {
      id: i.id,
    });
    return simple(c, `query($id: ID!) { payments(filter: { invoice: { id: { eq: $id } } }) { nodes { amount } } }`, { id: i.id }, (d) =>
      is(d.payments.nodes.length === 1, 'nodes'),
    );
  },
  expense: async (c, env) => {
    const e = await createExpense(env.ds);
    return simple(c, `query($id: ID!) { expense(id: $id) { id status } }`, { id: e.id }, (d) => is(d.expense?.status === 'SUBMITTED', 'status'));
  },
  expenses: async (c, env) => {
    const e = await createExpense(env.ds);
    return simple(c, `query($id: ID!) { expenses(filter: { id: { eq: $id } }) { nodes { id } } }`, { id: e.id }, (d) =>
      is(d.expenses.nodes.length === 1, 'nodes'),
    );
  },
  profitAndLoss: (c) =>
    simple(c, `{ profitAndLoss(from: "2026-01-01", to: "2026-12-31") { revenue expenses netIncome } }`, {}, (d) =>
      is(typeof d.profitAndLoss.netIncome === 'string', 'netIncome'),
    ),
  arAging: (c) => simple(c, `{ arAging(asOf: "2026-12-31") { total rows { total } } }`, {}, (d) => is(typeof d.arAging.total === 'string', 'total')),
  financialSummary: (c) =>
    simple(c, `{ financialSummary { arOutstanding revenueByMonth { month } } }`, {}, (d) => is(d.financialSummary.revenueByMonth.length === 12, 'months')),
  workOrder: async (c, env) => {
    const w = await createWorkOrder(env.ds, env.other.user.id);
    return simple(c, `query($id: ID!) { workOrder(id: $id) { id lines { description } } }`, { id: w.id }, (d) => is(d.workOrder?.lines.length === 1, 'lines'));
  },
  workOrders: async (c, env) => {
    const w = await createWorkOrder(env.ds, env.other.user.id);
    return simple(c, `query($id: ID!) { workOrders(filter: { id: { eq: $id } }) { nodes { id } } }`, { id: w.id }, (d) =>
      is(d.workOrders.nodes.length === 1, 'nodes'),
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
  createInvoice: async (c, env) => {
    const a = await createAccount(env.ds, env.other.user.id);
    return simple(
      c,
      `mutation($a: ID!) { createInvoice(input: { accountId: $a, dueDate: "2026-12-31", lines: [{ description: "Work", quantity: "1", unitPrice: "5.00" }] }) { total } }`,
      { a: a.id },
      (d) => is(d.createInvoice.total === '5.00', 'total'),
    );
  },
  updateInvoice: async (c, env) => {
    const i = await createInvoice(env.ds, env.other.user.id);
    return simple(c, `mutation($id: ID!) { updateInvoice(id: $id, input: { dueDate: "2027-01-31" }) { dueDate } }`, { id: i.id }, (d) =>
      is(d.updateInvoice.dueDate === '2027-01-31', 'dueDate'),
    );
  },
  issueInvoice: async (c, env) => {
    const i = await createInvoice(env.ds, env.other.user.id);
    return simple(c, `mutation($id: ID!) { issueInvoice(id: $id) { status } }`, { id: i.id }, (d) => is(d.issueInvoice.status === 'ISSUED', 'status'));
  },
  voidInvoice: async (c, env) => {
    const i = await createInvoice(env.ds, env.other.user.id);
    return simple(c, `mutation($id: ID!) { voidInvoice(id: $id, reason: "Duplicate") { status } }`, { id: i.id }, (d) =>
      is(d.voidInvoice.status === 'VOID', 'status'),
    );
  },
  recordPayment: async (c, env) => {
    const i = await createInvoice(env.ds, env.other.user.id, { issued: true });
    return simple(
      c,
      `mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amount: "1.00", date: "2026-01-11", method: CARD }) { amount } }`,
      { id: i.id },
      (d) => is(d.recordPayment.amount === '1.00', 'amount'),
    );
  },
  createExpense: async (c, env) => {
    const category = await createLedgerAccount(env.ds, { type: 'EXPENSE' });
    return simple(
      c,
      `mutation($c: ID!) { createExpense(input: { vendor: "Depot", categoryId: $c, amount: "9.99", date: "2026-03-03" }) { status } }`,
      { c: category.id },
      (d) => is(d.createExpense.status === 'SUBMITTED', 'status'),
    );
  },
  approveExpense: async (c, env) => {
    const e = await createExpense(env.ds);
    return simple(c, `mutation($id: ID!) { approveExpense(id: $id) { status } }`, { id: e.id }, (d) => is(d.approveExpense.status === 'APPROVED', 'status'));
  },
  rejectExpense: async (c, env) => {
    const e = await createExpense(env.ds);
    return simple(c, `mutation($id: ID!) { rejectExpense(id: $id, reason: "No receipt") { status } }`, { id: e.id }, (d) =>
      is(d.rejectExpense.status === 'REJECTED', 'status'),
    );
  },
  createWorkOrder: async (c, env) => {
    const a = await createAccount(env.ds, env.other.user.id);
    return simple(c, `mutation($a: ID!) { createWorkOrder(input: { accountId: $a, description: "Leak", lines: [] }) { status } }`, { a: a.id }, (d) =>
      is(d.createWorkOrder.status === 'OPEN', 'status'),
    );
  },
  updateWorkOrder: async (c, env) => {
    const w = await createWorkOrder(env.ds, env.other.user.id);
    return simple(c, `mutation($id: ID!) { updateWorkOrder(id: $id, input: { description: "Burst pipe" }) { description } }`, { id: w.id }, (d) =>
      is(d.updateWorkOrder.description === 'Burst pipe', 'description'),
    );
  },
  changeWorkOrderStatus: async (c, env) => {
    const w = await createWorkOrder(env.ds, env.other.user.id);
    return simple(c, `mutation($id: ID!) { changeWorkOrderStatus(id: $id, status: SCHEDULED) { status } }`, { id: w.id }, (d) =>
      is(d.changeWorkOrderStatus.status === 'SCHEDULED', 'status'),
    );
  },
  createInvoiceFromWorkOrder: async (c, env) => {
    const w = await createWorkOrder(env.ds, env.other.user.id, { status: 'COMPLETED' });
    return simple(c, `mutation($id: ID!) { createInvoiceFromWorkOrder(workOrderId: $id) { total } }`, { id: w.id }, (d) =>
      is(d.createInvoiceFromWorkOrder.total === '50.00', 'total'),
    );
  },
  // Printing is reading: whoever reads invoices may queue one's PDF.
  renderInvoicePdf: async (c, env) => {
    const i = await createInvoice(env.ds, env.other.user.id);
    return simple(c, `mutation($id: ID!) { renderInvoicePdf(id: $id) { status } }`, { id: i.id }, (d) => is(d.renderInvoicePdf.status === 'QUEUED', 'status'));
  },
  // An early date, before anything the tests book: moving it changes no one else's postings.
  setLockDate: (c) =>
    simple(c, `mutation { setLockDate(date: "2000-01-01") { lockDate } }`, {}, (d) => is(d.setLockDate.lockDate === '2000-01-01', 'lockDate')),
};
