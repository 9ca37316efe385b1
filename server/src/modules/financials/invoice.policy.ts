import { financialPolicy } from './ledger-account.policy';

/** DESIGN.md §3: invoices and payments are read by ADMIN, ACCOUNTANT and SALES_MANAGER, written by ADMIN and ACCOUNTANT. */
export const invoicePolicy = financialPolicy('Invoice');
export const paymentPolicy = financialPolicy('Payment');
