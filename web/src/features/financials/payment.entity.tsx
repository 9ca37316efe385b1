import { defineEntity } from '../../app/entity';
import { LEDGER_FIELDS, RECEIVABLE_FIELDS } from './financial-effects';

// Payments received: recorded from an invoice's page, listed here, never edited.
export const entity = defineEntity({
  typeName: 'Payment',
  labels: { noun: 'payment' },
  path: '/payments',
  detailPage: false,
  nav: { order: 87 },
  listRoot: 'payments',
  // A payment posts, and moves its invoice's status and balance (and so the invoice lists).
  affects: [...LEDGER_FIELDS, ...RECEIVABLE_FIELDS, { on: 'Query', field: 'invoices' }],
  screens: () => import('./payment.screens'),
});
