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
import { Expense, expenses } from './expense.entity';
import { ExpenseResolver } from './expense.resolver';
import { FinancialReportsResolver } from './reports.resolver';

export { LedgerAccount, ledgerAccounts } from './ledger-account.entity';
export { LedgerAccountType, LedgerSystemRole } from './ledger-account-type';
export { JournalEntry, journalEntries } from './journal-entry.entity';
export { JournalSource, JournalStatus } from './journal.types';
export { Invoice, invoices } from './invoice.entity';
export { Payment, payments } from './payment.entity';
export { ExpenseStatus, InvoiceStatus, PaymentMethod } from './financial.types';
export { Expense, expenses } from './expense.entity';

const read = journalEntries.policy.readRule;

/** Financials: the chart of accounts, the journal, invoices and payments (reports build on them). */
export const manifest = defineModule({
  name: 'financials',
  entities: [LedgerAccount, JournalEntry, JournalLine, FinancialSettings, NumberSequence, Invoice, InvoiceLine, Payment, Expense],
  records: [ledgerAccounts, journalEntries, invoices, payments, expenses],
  policies: [financialSettingsPolicy],
  resolvers: [
    JournalEntryResolver,
    JournalLineResolver,
    LedgerBalanceResolver,
    LedgerReportsResolver,
    InvoiceResolver,
    ExpenseResolver,
    FinancialReportsResolver,
  ],
  rules: {
    Query: {
      trialBalance: ledgerAccounts.policy.readRule,
      financialSettings: financialSettingsPolicy.readRule,
      profitAndLoss: ledgerAccounts.policy.readRule,
      arAging: invoices.policy.readRule,
      financialSummary: ledgerAccounts.policy.readRule,
    },
    Mutation: {
      postJournalEntry: journalEntries.commandRule(),
      reverseJournalEntry: journalEntries.commandRule(),
      setLockDate: financialSettingsPolicy.writeRule,
      issueInvoice: invoices.commandRule(),
      voidInvoice: invoices.commandRule(),
      recordPayment: payments.commandRule(),
      approveExpense: expenses.commandRule(),
      rejectExpense: expenses.commandRule(),
    },
    Invoice: { lines: invoices.policy.readRule, payments: payments.policy.readRule },
    InvoiceLine: { '*': invoices.policy.readRule },
    Expense: { approvedBy: expenses.policy.readRule },
    ProfitAndLoss: { '*': ledgerAccounts.policy.readRule },
    ProfitAndLossRow: { '*': ledgerAccounts.policy.readRule },
    ArAging: { '*': invoices.policy.readRule },
    ArAgingRow: { '*': invoices.policy.readRule },
    ArAgingBuckets: { '*': invoices.policy.readRule },
    FinancialSummary: { '*': ledgerAccounts.policy.readRule },
    MonthRevenue: { '*': ledgerAccounts.policy.readRule },
    JournalEntry: { lines: read, reversedBy: read },
    JournalLine: { '*': read },
    LedgerAccount: { balance: ledgerAccounts.policy.readRule },
    TrialBalance: { '*': ledgerAccounts.policy.readRule },
    TrialBalanceRow: { '*': ledgerAccounts.policy.readRule },
  },
});
