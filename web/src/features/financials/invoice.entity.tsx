import { defineEntity } from '../../app/entity';
import { LEDGER_FIELDS, RECEIVABLE_FIELDS } from './financial-effects';

// Invoices: read by ADMIN, ACCOUNTANT and SALES_MANAGER, written by the first two.
export const entity = defineEntity({
  typeName: 'Invoice',
  labels: { noun: 'invoice' },
  path: '/invoices',
  nav: { order: 86 },
  listRoot: 'invoices',
  // Issuing and voiding post to the ledger and change what customers owe; an invoice written or
  // voided changes which invoice bills its work order.
  affects: [...LEDGER_FIELDS, ...RECEIVABLE_FIELDS, { on: 'WorkOrder', field: 'invoice' }],
  timeline: true,
  screens: () => import('./invoice.screens'),
});
