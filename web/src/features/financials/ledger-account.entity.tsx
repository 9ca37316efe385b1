import { defineEntity } from '../../app/entity';

// The chart of accounts: read by ADMIN, ACCOUNTANT and SALES_MANAGER, written by the first two.
export const entity = defineEntity({
  typeName: 'LedgerAccount',
  labels: { noun: 'ledger account', plural: 'Chart of accounts' },
  path: '/ledger-accounts',
  nav: { order: 80 },
  listRoot: 'ledgerAccounts',
  nested: [{ on: 'LedgerAccount', field: 'children' }],
  timeline: true,
  screens: () => import('./ledger-account.screens'),
});
