import { financialPolicy } from './ledger-account.policy';

/** DESIGN.md §3: the journal is read by ADMIN, ACCOUNTANT and SALES_MANAGER, written by ADMIN and ACCOUNTANT. */
export const journalEntryPolicy = financialPolicy('JournalEntry');
