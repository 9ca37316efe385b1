import { registerEnum } from '../../kernel/enums';

export enum LedgerAccountType {
  ASSET = 'ASSET',
  LIABILITY = 'LIABILITY',
  EQUITY = 'EQUITY',
  REVENUE = 'REVENUE',
  EXPENSE = 'EXPENSE',
}
registerEnum(LedgerAccountType, 'LedgerAccountType', 'Where a ledger account sits in the balance sheet or the profit and loss.');

/**
 * The accounts the books post to without being told which (an invoice's receivable, a payment's
 * cash, ...): found by this role, never by a code, so the chart can be renumbered.
 */
export enum LedgerSystemRole {
  CASH = 'CASH',
  ACCOUNTS_RECEIVABLE = 'ACCOUNTS_RECEIVABLE',
  ACCOUNTS_PAYABLE = 'ACCOUNTS_PAYABLE',
  SALES_TAX_PAYABLE = 'SALES_TAX_PAYABLE',
  OWNERS_EQUITY = 'OWNERS_EQUITY',
  SERVICE_REVENUE = 'SERVICE_REVENUE',
}
registerEnum(LedgerSystemRole, 'LedgerSystemRole', 'The part a ledger account plays in automatic postings.');

/** Each system account's type: a role never moves to an account of another type. */
export const SYSTEM_ROLE_TYPES: Record<LedgerSystemRole, LedgerAccountType> = {
  [LedgerSystemRole.CASH]: LedgerAccountType.ASSET,
  [LedgerSystemRole.ACCOUNTS_RECEIVABLE]: LedgerAccountType.ASSET,
  [LedgerSystemRole.ACCOUNTS_PAYABLE]: LedgerAccountType.LIABILITY,
  [LedgerSystemRole.SALES_TAX_PAYABLE]: LedgerAccountType.LIABILITY,
  [LedgerSystemRole.OWNERS_EQUITY]: LedgerAccountType.EQUITY,
  [LedgerSystemRole.SERVICE_REVENUE]: LedgerAccountType.REVENUE,
};
