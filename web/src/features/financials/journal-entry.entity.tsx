import { defineEntity } from '../../app/entity';
import { LEDGER_FIELDS, RECEIVABLE_FIELDS } from './financial-effects';

// The journal: read by ADMIN, ACCOUNTANT and SALES_MANAGER, written by the first two.
export const entity = defineEntity({
  typeName: 'JournalEntry',
  labels: { noun: 'journal entry', plural: 'Journal' },
  path: '/journal',
  nav: { order: 85 },
  listRoot: 'journalEntries',
  // Posting and reversing move the ledger accounts' balances, the reports and the dashboard's
  // figures (a reversal of an invoice's posting changes the receivables too).
  affects: [...LEDGER_FIELDS, ...RECEIVABLE_FIELDS],
  timeline: true,
  screens: () => import('./journal-entry.screens'),
});
