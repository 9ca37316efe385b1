import { Role } from '../../kernel/auth/role';
import { definePolicy, type Policy } from '../../kernel/records/policy';

/** DESIGN.md §3: ADMIN and ACCOUNTANT write financials, SALES_MANAGER reads them, other roles see none. */
export const FINANCIAL_READERS = [Role.ADMIN, Role.ACCOUNTANT, Role.SALES_MANAGER] as const;
export const FINANCIAL_WRITERS = [Role.ADMIN, Role.ACCOUNTANT] as const;

/** A financial type's policy: read by FINANCIAL_READERS, written by FINANCIAL_WRITERS; `extra` roles do both. */
export function financialPolicy(typeName: string, extra: readonly Role[] = []): Policy {
  return definePolicy(typeName, { read: { all: [...FINANCIAL_READERS, ...extra] }, write: { all: [...FINANCIAL_WRITERS, ...extra] } });
}

export const ledgerAccountPolicy = financialPolicy('LedgerAccount');
