import { definePolicy } from '../../kernel/records/policy';
import { FINANCIAL_READERS, FINANCIAL_WRITERS } from './ledger-account.policy';

/** DESIGN.md §3: invoices and payments are read by ADMIN, ACCOUNTANT and SALES_MANAGER, written by ADMIN and ACCOUNTANT. */
export const invoicePolicy = definePolicy('Invoice', { read: { all: FINANCIAL_READERS }, write: { all: FINANCIAL_WRITERS } });
export const paymentPolicy = definePolicy('Payment', { read: { all: FINANCIAL_READERS }, write: { all: FINANCIAL_WRITERS } });
