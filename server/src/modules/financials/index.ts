import { defineModule } from '../../kernel/modules/module-manifest';
import { FinancialSettings, financialSettingsPolicy } from './financial-settings.entity';
import { JournalEntry, journalEntries } from './journal-entry.entity';
import { JournalEntryResolver, JournalLineResolver } from './journal-entry.resolver';
import { JournalLine } from './journal-line.entity';
import { LedgerAccount, ledgerAccounts } from './ledger-account.entity';
import { LedgerBalanceResolver, LedgerReportsResolver } from './ledger.resolver';
import { NumberSequence } from './number-sequence.entity';
import { Invoice, invoices } from './invoice.entity';
import { InvoiceLine } from './invoice-line.entity';
import { InvoiceResolver } from './invoice.resolver';
import { Payment, payments } from './payment.entity';

export { LedgerAccount, ledgerAccounts } from './ledger-account.entity';
export { LedgerAccountType, LedgerSystemRole } from './ledger-account-type';
export { JournalEntry, journalEntries } from './journal-entry.entity';
export { JournalSource, JournalStatus } from './journal.types';
export { Invoice, invoices } from './invoice.entity';
export { Payment, payments } from './payment.entity';
export { InvoiceStatus, PaymentMethod } from './invoice.types';

const read = journalEntries.policy.readRule;

/** Financials: the chart of accounts, the journal, invoices and payments (reports build on them). */
export const manifest = defineModule({
  name: 'financials',
  entities: [LedgerAccount, JournalEntry, JournalLine, FinancialSettings, NumberSequence, Invoice, InvoiceLine, Payment],
  records: [ledgerAccounts, journalEntries, invoices, payments],
  policies: [financialSettingsPolicy],
  resolvers: [JournalEntryResolver, JournalLineResolver, LedgerBalanceResolver, LedgerReportsResolver, InvoiceResolver],
  rules: {
    Query: { trialBalance: ledgerAccounts.policy.readRule, financialSettings: financialSettingsPolicy.readRule },
    Mutation: {
      postJournalEntry: journalEntries.commandRule(),
      reverseJournalEntry: journalEntries.commandRule(),
      setLockDate: financialSettingsPolicy.writeRule,
      issueInvoice: invoices.commandRule(),
      voidInvoice: invoices.commandRule(),
      recordPayment: payments.commandRule(),
    },
    Invoice: { lines: invoices.policy.readRule, payments: payments.policy.readRule },
    InvoiceLine: { '*': invoices.policy.readRule },
    JournalEntry: { lines: read, reversedBy: read },
    JournalLine: { '*': read },
    LedgerAccount: { balance: ledgerAccounts.policy.readRule },
    TrialBalance: { '*': ledgerAccounts.policy.readRule },
    TrialBalanceRow: { '*': ledgerAccounts.policy.readRule },
  },
});
