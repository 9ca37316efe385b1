import { defineModule } from '../../kernel/modules/module-manifest';
import { FinancialSettings, financialSettingsPolicy } from './financial-settings.entity';
import { JournalEntry, journalEntries } from './journal-entry.entity';
import { JournalEntryResolver, JournalLineResolver } from './journal-entry.resolver';
import { JournalLine } from './journal-line.entity';
import { LedgerAccount, ledgerAccounts } from './ledger-account.entity';
import { LedgerBalanceResolver, LedgerReportsResolver } from './ledger.resolver';
import { NumberSequence } from './number-sequence.entity';

export { LedgerAccount, ledgerAccounts } from './ledger-account.entity';
export { LedgerAccountType, LedgerSystemRole } from './ledger-account-type';
export { JournalEntry, journalEntries } from './journal-entry.entity';
export { JournalSource, JournalStatus } from './journal.types';

const read = journalEntries.policy.readRule;

/** Financials: the chart of accounts and the journal (invoices and reports build on them). */
export const manifest = defineModule({
  name: 'financials',
  entities: [LedgerAccount, JournalEntry, JournalLine, FinancialSettings, NumberSequence],
  records: [ledgerAccounts, journalEntries],
  policies: [financialSettingsPolicy],
  resolvers: [JournalEntryResolver, JournalLineResolver, LedgerBalanceResolver, LedgerReportsResolver],
  rules: {
    Query: { trialBalance: ledgerAccounts.policy.readRule, financialSettings: financialSettingsPolicy.readRule },
    Mutation: {
      postJournalEntry: journalEntries.commandRule(),
      reverseJournalEntry: journalEntries.commandRule(),
      setLockDate: financialSettingsPolicy.writeRule,
    },
    JournalEntry: { lines: read, reversedBy: read },
    JournalLine: { '*': read },
    LedgerAccount: { balance: ledgerAccounts.policy.readRule },
    TrialBalance: { '*': ledgerAccounts.policy.readRule },
    TrialBalanceRow: { '*': ledgerAccounts.policy.readRule },
  },
});
