import { defineEntity } from '../../app/entity';

// The chart of accounts: read by ADMIN, ACCOUNTANT and SALES_MANAGER, written by the first two.
// The reports read the same books, so they open for the same roles (AR aging for invoice readers).
export const entity = defineEntity({
  typeName: 'LedgerAccount',
  labels: { noun: 'ledger account', plural: 'Chart of accounts' },
  path: '/ledger-accounts',
  nav: { order: 80 },
  listRoot: 'ledgerAccounts',
  nested: [{ on: 'LedgerAccount', field: 'children' }],
  timeline: true,
  screens: () => import('./ledger-account.screens'),
  pages: [
    // The chart's other view: accounts nested under their groups (the list links to it).
    {
      path: 'ledger-accounts/tree',
      load: () => import('./ledger-account-tree.page').then((m) => ({ default: m.LedgerAccountTreePage })),
    },
    { path: 'reports', nav: { label: 'Reports', order: 89 }, load: () => import('./reports.page').then((m) => ({ default: m.ReportsPage })) },
    { path: 'reports/trial-balance', load: () => import('./trial-balance.page').then((m) => ({ default: m.TrialBalancePage })) },
    { path: 'reports/profit-and-loss', load: () => import('./profit-and-loss.page').then((m) => ({ default: m.ProfitAndLossPage })) },
    {
      path: 'reports/ar-aging',
      access: (caps) => caps.canRead('Invoice'),
      load: () => import('./ar-aging.page').then((m) => ({ default: m.ArAgingPage })),
    },
  ],
});
