import { defineModule } from '../../kernel/modules/module-manifest';
import { canWrite } from '../../kernel/permissions/rules';
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
import { FinancialReportsResolver, ProfitAndLossResolver } from './reports.resolver';
import { WorkOrder, workOrders } from './work-order.entity';
import { WorkOrderLine } from './work-order-line.entity';
import { WorkOrderResolver } from './work-order.resolver';

export { LedgerAccount, ledgerAccounts } from './ledger-account.entity';
export { LedgerAccountType, LedgerSystemRole } from './ledger-account-type';
export { JournalEntry, journalEntries } from './journal-entry.entity';
export { JournalSource, JournalStatus } from './journal.types';
export { Invoice, invoices } from './invoice.entity';
export { Payment, payments } from './payment.entity';
export { ExpenseStatus, InvoiceStatus, PaymentMethod, WorkOrderStatus } from './financial.types';
export { Expense, expenses } from './expense.entity';
export { WorkOrder, workOrders } from './work-order.entity';
export { seedDemoBooks } from './demo-books';

const read = journalEntries.policy.readRule;

/** Financials: the chart of accounts, the journal, invoices and payments (reports build on them). */
export const manifest = defineModule({
  name: 'financials',
  entities: [LedgerAccount, JournalEntry, JournalLine, FinancialSettings, NumberSequence, Invoice, InvoiceLine, Payment, Expense, WorkOrder, WorkOrderLine],
  records: [ledgerAccounts, journalEntries, invoices, payments, expenses, workOrders],
  policies: [financialSettingsPolicy],
  resolvers: [
    JournalEntryResolver,
    JournalLineResolver,
    LedgerBalanceResolver,
    LedgerReportsResolver,
    InvoiceResolver,
    ExpenseResolver,
    FinancialReportsResolver,
    ProfitAndLossResolver,
    WorkOrderResolver,
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
      // Whoever reads invoices may print one, though not through a read-only key (it writes a document).
      renderInvoicePdf: canWrite(...invoices.policy.readers()),
      changeWorkOrderStatus: workOrders.commandRule(),
      createInvoiceFromWorkOrder: invoices.commandRule(),
      approveExpense: expenses.commandRule(),
      rejectExpense: expenses.commandRule(),
    },
    Invoice: { lines: invoices.policy.readRule, payments: payments.policy.readRule, pdf: invoices.policy.readRule },
    InvoiceLine: { '*': invoices.policy.readRule },
    Expense: { approvedBy: expenses.policy.readRule },
    // A dispatcher reads work orders but not invoices (FORBIDDEN on `invoice`, as on any Invoice).
    WorkOrder: { lines: workOrders.policy.readRule, invoice: invoices.policy.readRule },
    WorkOrderLine: { '*': workOrders.policy.readRule },
    ProfitAndLoss: { '*': ledgerAccounts.policy.readRule },
    ProfitAndLossRow: { '*': ledgerAccounts.policy.readRule },
    ProfitAndLossMonth: { '*': ledgerAccounts.policy.readRule },
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
