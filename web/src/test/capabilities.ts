import type { AccessScope, MeQuery, Role } from '../gql/graphql';

type Capability = NonNullable<MeQuery['me']['capabilities']>[number];

// What the server tells each role about itself (`me { capabilities }`), written out from DESIGN.md §3
// for tests: screens must follow these, not the role's name.
const RECORDS = ['Account', 'Contact', 'Deal', 'Interaction', 'Task'] as const;
// The CRM records and tasks are held (owned, assigned) by the sales roles; other types have no owner.
const HOLDERS: Role[] = ['ADMIN', 'SALES_MANAGER', 'SALES_REP'];

function cap(
  entityType: string,
  read: AccessScope,
  write: AccessScope,
  o: { create?: boolean; assign?: boolean; trash?: boolean; hidden?: string[] } = {},
): Capability {
  return {
    __typename: 'EntityCapability',
    entityType,
    read,
    create: o.create ?? write !== 'NONE',
    update: write,
    delete: o.trash === false ? 'NONE' : write,
    assignOwner: !!o.assign,
    hiddenFields: read === 'NONE' ? [] : (o.hidden ?? []),
    holderRoles: (RECORDS as readonly string[]).includes(entityType) ? HOLDERS : [],
  };
}

const USER_CONTACT_FIELDS = ['email', 'lastLoginAt', 'phone'];

export function capabilitiesFor(role: Role): Capability[] {
  const own = (type: string, hidden?: string[]) => cap(type, 'OWN', 'OWN', { hidden });
  const all = (type: string) => cap(type, 'ALL', 'ALL', { assign: true });
  const readAll = (type: string, hidden?: string[]) => cap(type, 'ALL', 'NONE', { hidden });
  const none = (type: string) => cap(type, 'NONE', 'NONE');
  const keys = (scope: AccessScope) => cap('ApiKey', scope, scope, { trash: false });
  // Financials: ADMIN and ACCOUNTANT write them, SALES_MANAGER reads them (no owner, no trash).
  const ledger = (read: AccessScope, write: AccessScope) => cap('LedgerAccount', read, write, { trash: false });
  // Journal drafts go to the trash; posted entries never change (the server refuses, whatever the scope).
  const journal = (read: AccessScope, write: AccessScope) => cap('JournalEntry', read, write);
  // Invoices, payments and expenses have no trash: a mistake is voided or rejected, with a reason.
  const books = (read: AccessScope, write: AccessScope) => ['Invoice', 'Payment', 'Expense'].map((t) => cap(t, read, write, { trash: false }));
  const financials = (read: AccessScope, write: AccessScope) => [ledger(read, write), journal(read, write), ...books(read, write)];
  // Work orders: the financial roles and DISPATCHER write them, SALES_MANAGER reads them (no trash).
  const workOrders = (read: AccessScope, write: AccessScope) => cap('WorkOrder', read, write, { trash: false });
  switch (role) {
    case 'ADMIN':
      return [...RECORDS.map(all), cap('User', 'ALL', 'ALL', { trash: false }), keys('ALL'), ...financials('ALL', 'ALL'), workOrders('ALL', 'ALL')];
    case 'SALES_MANAGER':
      return [...RECORDS.map(all), readAll('User'), keys('OWN'), ...financials('ALL', 'NONE'), workOrders('ALL', 'NONE')];
    case 'SALES_REP':
      return [
        own('Account', ['creditLimit']),
        ...RECORDS.slice(1).map((t) => own(t)),
        readAll('User', USER_CONTACT_FIELDS),
        keys('OWN'),
        ...financials('NONE', 'NONE'),
        workOrders('NONE', 'NONE'),
      ];
    case 'ACCOUNTANT':
      return [
        readAll('Account'),
        readAll('Contact'),
        readAll('Deal'),
        none('Interaction'),
        none('Task'),
        readAll('User', USER_CONTACT_FIELDS),
        keys('OWN'),
        ...financials('ALL', 'ALL'),
        workOrders('ALL', 'ALL'),
      ];
    case 'DISPATCHER':
      return [
        readAll('Account', ['creditLimit']),
        readAll('Contact'),
        none('Deal'),
        none('Interaction'),
        none('Task'),
        readAll('User', USER_CONTACT_FIELDS),
        keys('OWN'),
        ...financials('NONE', 'NONE'),
        workOrders('ALL', 'ALL'),
      ];
    case 'TECHNICIAN':
      return [...RECORDS.map(none), readAll('User', USER_CONTACT_FIELDS), keys('OWN'), ...financials('NONE', 'NONE'), workOrders('NONE', 'NONE')];
  }
}
