import { defineModule } from '../../kernel/modules/module-manifest';
import { LedgerAccount, ledgerAccounts } from './ledger-account.entity';

export { LedgerAccount, ledgerAccounts } from './ledger-account.entity';
export { LedgerAccountType, LedgerSystemRole } from './ledger-account-type';

/** Financials: the chart of accounts (the ledger, invoices and reports build on it). */
export const manifest = defineModule({
  name: 'financials',
  entities: [LedgerAccount],
  records: [ledgerAccounts],
});
