import { defineEntity } from '../../app/entity';
import { LEDGER_FIELDS } from './financial-effects';

// Expenses: submitted, then approved (posted) or rejected by ADMIN or ACCOUNTANT; SALES_MANAGER reads them.
export const entity = defineEntity({
  typeName: 'Expense',
  labels: { noun: 'expense' },
  path: '/expenses',
  nav: { order: 88 },
  listRoot: 'expenses',
  // Approving posts the expense to its category and cash.
  affects: LEDGER_FIELDS,
  timeline: true,
  screens: () => import('./expense.screens'),
});
