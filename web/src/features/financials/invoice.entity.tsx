import { defineEntity } from '../../app/entity';
import { LEDGER_FIELDS, RECEIVABLE_FIELDS } from './financial-effects';

// Invoices: read by ADMIN, ACCOUNTANT and SALES_MANAGER, written by the first two.
export const entity = defineEntity({
  typeName: 'Invoice',
  labels: { noun: 'invoice' },
  path: '/invoices',
  nav: { order: 86 },
  listRoot: 'invoices',
  // Issuing and voiding post to the ledger and change what customers owe.
  affects: [...LEDGER_FIELDS, ...RECEIVABLE_FIELDS],
  timeline: true,
  screens: () => import('./invoice.screens'),
});
