import { defineEntity } from '../../app/entity';

// The journal: read by ADMIN, ACCOUNTANT and SALES_MANAGER, written by the first two.
export const entity = defineEntity({
  typeName: 'JournalEntry',
  labels: { noun: 'journal entry', plural: 'Journal' },
  path: '/journal',
  nav: { order: 85 },
  listRoot: 'journalEntries',
  // Posting and reversing move the ledger accounts' balances and the trial balance.
  affects: [
    { on: 'LedgerAccount', field: 'balance' },
    { on: 'Query', field: 'trialBalance' },
  ],
  timeline: true,
  screens: () => import('./journal-entry.screens'),
});
