import type { RoleName } from '../factories';

/**
 * What a caller gets from a root field:
 * - allowed: works, also on records owned by someone else;
 * - scoped: works on the caller's own records only; others' are invisible (lookups → null,
 *   lists leave them out, mutations → NOT_FOUND) and may not be assigned to others;
 * - empty: works but shows no records at all (not even the caller's own);
 * - FORBIDDEN / UNAUTHENTICATED: refused with that code.
 */
export type Outcome = 'allowed' | 'scoped' | 'empty' | 'FORBIDDEN' | 'UNAUTHENTICATED';
export type Caller = RoleName | 'anonymous';
export const CALLERS: Caller[] = ['ADMIN', 'SALES_MANAGER', 'SALES_REP', 'ACCOUNTANT', 'DISPATCHER', 'TECHNICIAN', 'anonymous'];

type Row = Record<Caller, Outcome>;
const F = 'FORBIDDEN' as const;
const U = 'UNAUTHENTICATED' as const;

/** Columns in CALLERS order: ADMIN, SALES_MANAGER, SALES_REP, ACCOUNTANT, DISPATCHER, TECHNICIAN, anonymous. */
function row(...cells: Outcome[]): Row {
  if (cells.length !== CALLERS.length) throw new Error(`A matrix row needs ${CALLERS.length} cells`);
  return Object.fromEntries(CALLERS.map((c, i) => [c, cells[i]])) as Row;
}

// DESIGN.md §3, written out by hand (not derived from the policies, so the two check each other).
// Until the financial and field-service modules exist: ACCOUNTANT and DISPATCHER read accounts and
// contacts, ACCOUNTANT also deals, and TECHNICIAN sees no CRM records.
const EVERYONE = row('allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', U);
const ADMIN_ONLY = row('allowed', F, F, F, F, F, U);
const OWN_UNLESS_ADMIN = row('allowed', 'scoped', 'scoped', 'scoped', 'scoped', 'scoped', U);
const READ_ACCOUNTS = row('allowed', 'allowed', 'scoped', 'allowed', 'allowed', F, U);
const READ_DEALS = row('allowed', 'allowed', 'scoped', 'allowed', F, F, U);
const READ_INTERACTIONS = row('allowed', 'allowed', 'scoped', F, F, F, U);
const WRITE_CRM = row('allowed', 'allowed', 'scoped', F, F, F, U);
// Financials: ADMIN and ACCOUNTANT write them, SALES_MANAGER reads them, the other roles see none.
const READ_FINANCIALS = row('allowed', 'allowed', F, 'allowed', F, F, U);
const WRITE_FINANCIALS = row('allowed', F, F, 'allowed', F, F, U);
// Work orders: DISPATCHER also creates, updates and reads them (the financial roles as above).
const READ_WORK_ORDERS = row('allowed', 'allowed', F, 'allowed', 'allowed', F, U);
const WRITE_WORK_ORDERS = row('allowed', F, F, 'allowed', 'allowed', F, U);

export const QUERY_MATRIX: Record<string, Row> = {
  me: EVERYONE,
  users: EVERYONE, // the directory; contact fields are guarded per field
  user: EVERYONE,
  apiKeys: OWN_UNLESS_ADMIN,
  apiKey: OWN_UNLESS_ADMIN,
  // "about what they can see": entries about records of types the role reads in full (ACCOUNTANT
  // and DISPATCHER read all accounts), else about records they hold.
  activityLog: row('allowed', 'allowed', 'scoped', 'allowed', 'allowed', 'scoped', U),
  account: READ_ACCOUNTS,
  accounts: READ_ACCOUNTS,
  contact: READ_ACCOUNTS,
  contacts: READ_ACCOUNTS,
  deal: READ_DEALS,
  deals: READ_DEALS,
  dealStats: READ_DEALS, // figures over the deals the caller may read
  interaction: READ_INTERACTIONS,
  interactions: READ_INTERACTIONS,
  task: READ_INTERACTIONS, // tasks follow interactions (a rep: owned or assigned)
  tasks: READ_INTERACTIONS,
  // Each role searches only the types it reads; TECHNICIAN reads none, so finds nothing.
  search: row('allowed', 'allowed', 'scoped', 'allowed', 'allowed', 'empty', U),
  jobs: ADMIN_ONLY,
  // A document is read by whoever reads the record it was made from (probed with an account's).
  document: row('allowed', 'allowed', 'scoped', 'allowed', 'allowed', 'empty', U),
  ledgerAccount: READ_FINANCIALS,
  ledgerAccounts: READ_FINANCIALS,
  journalEntry: READ_FINANCIALS,
  journalEntries: READ_FINANCIALS,
  trialBalance: READ_FINANCIALS,
  financialSettings: READ_FINANCIALS,
  invoice: READ_FINANCIALS,
  invoices: READ_FINANCIALS,
  payments: READ_FINANCIALS,
  expense: READ_FINANCIALS,
  expenses: READ_FINANCIALS,
  profitAndLoss: READ_FINANCIALS,
  arAging: READ_FINANCIALS,
  financialSummary: READ_FINANCIALS,
  workOrder: READ_WORK_ORDERS,
  workOrders: READ_WORK_ORDERS,
};

export const MUTATION_MATRIX: Record<string, Row> = {
  login: row('allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed'),
  logout: EVERYONE,
  createUser: ADMIN_ONLY,
  updateUser: ADMIN_ONLY,
  createApiKey: EVERYONE,
  revokeApiKey: OWN_UNLESS_ADMIN,
  createAccount: WRITE_CRM,
  createAccounts: WRITE_CRM,
  updateAccount: WRITE_CRM,
  deleteAccount: WRITE_CRM,
  restoreAccount: WRITE_CRM,
  createContact: WRITE_CRM,
  createContacts: WRITE_CRM,
  updateContact: WRITE_CRM,
  deleteContact: WRITE_CRM,
  restoreContact: WRITE_CRM,
  createDeal: WRITE_CRM,
  updateDeal: WRITE_CRM,
  deleteDeal: WRITE_CRM,
  restoreDeal: WRITE_CRM,
  moveDealStage: WRITE_CRM,
  reopenDeal: WRITE_CRM,
  createInteraction: WRITE_CRM,
  updateInteraction: WRITE_CRM,
  deleteInteraction: WRITE_CRM,
  restoreInteraction: WRITE_CRM,
  createTask: WRITE_CRM,
  updateTask: WRITE_CRM,
  deleteTask: WRITE_CRM,
  restoreTask: WRITE_CRM,
  // Texting records an interaction: its writers, for contacts they can see.
  sendSms: WRITE_CRM,
  retryJob: ADMIN_ONLY,
  createLedgerAccount: WRITE_FINANCIALS,
  updateLedgerAccount: WRITE_FINANCIALS,
  createJournalEntry: WRITE_FINANCIALS,
  updateJournalEntry: WRITE_FINANCIALS,
  deleteJournalEntry: WRITE_FINANCIALS,
  restoreJournalEntry: WRITE_FINANCIALS,
  postJournalEntry: WRITE_FINANCIALS,
  reverseJournalEntry: WRITE_FINANCIALS,
  setLockDate: WRITE_FINANCIALS,
  createInvoice: WRITE_FINANCIALS,
  updateInvoice: WRITE_FINANCIALS,
  issueInvoice: WRITE_FINANCIALS,
  voidInvoice: WRITE_FINANCIALS,
  recordPayment: WRITE_FINANCIALS,
  createExpense: WRITE_FINANCIALS,
  approveExpense: WRITE_FINANCIALS,
  rejectExpense: WRITE_FINANCIALS,
  renderInvoicePdf: READ_FINANCIALS,
  createWorkOrder: WRITE_WORK_ORDERS,
  updateWorkOrder: WRITE_WORK_ORDERS,
  changeWorkOrderStatus: WRITE_WORK_ORDERS,
  createInvoiceFromWorkOrder: WRITE_FINANCIALS,
};

/** [field, caller, expected] for every cell of a matrix, for it.each. */
export function cells(matrix: Record<string, Row>): [string, Caller, Outcome][] {
  return Object.entries(matrix).flatMap(([field, r]) => CALLERS.map((c): [string, Caller, Outcome] => [field, c, r[c]]));
}
