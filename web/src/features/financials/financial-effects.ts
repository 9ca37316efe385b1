import type { ListField } from '../../app/entity';

// Fields that postings to the ledger change: whatever posts (journal entries, issued invoices,
// payments, approved expenses) moves the balances and the reports built on them.
export const LEDGER_FIELDS: ListField[] = [
  { on: 'LedgerAccount', field: 'balance' },
  { on: 'Query', field: 'trialBalance' },
  { on: 'Query', field: 'profitAndLoss' },
  { on: 'Query', field: 'financialSummary' },
];

/** Receivables: what invoices and their payments change. */
export const RECEIVABLE_FIELDS: ListField[] = [{ on: 'Query', field: 'arAging' }];
