import { definePolicy } from '../../kernel/records/policy';
import { FINANCIAL_READERS, FINANCIAL_WRITERS } from './ledger-account.policy';

/** DESIGN.md §3: the journal is read by ADMIN, ACCOUNTANT and SALES_MANAGER, written by ADMIN and ACCOUNTANT. */
export const journalEntryPolicy = definePolicy('JournalEntry', {
  read: { all: FINANCIAL_READERS },
  write: { all: FINANCIAL_WRITERS },
});
