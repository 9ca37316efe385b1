import { defineEntity } from '../../app/entity';

// Work orders: read by ADMIN, ACCOUNTANT, SALES_MANAGER and DISPATCHER; written by ADMIN, ACCOUNTANT
// and DISPATCHER (who does not price them). Listed before the invoices they turn into.
export const entity = defineEntity({
  typeName: 'WorkOrder',
  labels: { noun: 'work order' },
  path: '/work-orders',
  nav: { order: 85.5 },
  listRoot: 'workOrders',
  timeline: true,
  screens: () => import('./work-order.screens'),
});
