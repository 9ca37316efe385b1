import { registerEnum } from '../../kernel/enums';

export enum InvoiceStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
  VOID = 'VOID',
}
registerEnum(InvoiceStatus, 'InvoiceStatus', 'Where an invoice stands: it follows the money (DRAFT → ISSUED → PARTIALLY_PAID → PAID; VOID while unpaid).');

export enum PaymentMethod {
  CASH = 'CASH',
  CHECK = 'CHECK',
  CARD = 'CARD',
  BANK_TRANSFER = 'BANK_TRANSFER',
}
registerEnum(PaymentMethod, 'PaymentMethod', 'How a payment was made.');

export enum ExpenseStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnum(ExpenseStatus, 'ExpenseStatus', 'An expense is submitted, then approved (and posted) or rejected with a reason.');

export enum WorkOrderStatus {
  OPEN = 'OPEN',
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  INVOICED = 'INVOICED',
  CANCELLED = 'CANCELLED',
}
registerEnum(WorkOrderStatus, 'WorkOrderStatus', 'Where a job stands; INVOICED comes when its invoice is issued.');
