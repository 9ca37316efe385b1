import { Role } from '../../kernel/auth/role';
import { definePolicy } from '../../kernel/records/policy';

/** DESIGN.md §3: ADMIN and ACCOUNTANT write financials, SALES_MANAGER reads them, other roles see none. */
export const FINANCIAL_READERS = [Role.ADMIN, Role.ACCOUNTANT, Role.SALES_MANAGER] as const;
export const FINANCIAL_WRITERS = [Role.ADMIN, Role.ACCOUNTANT] as const;

export const ledgerAccountPolicy = definePolicy('LedgerAccount', {
  read: { all: FINANCIAL_READERS },
  write: { all: FINANCIAL_WRITERS },
});
