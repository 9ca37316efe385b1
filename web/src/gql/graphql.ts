/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Which records an action applies to: every one, those you hold (own, are assigned), or none. */
export type AccessScope =
  | 'ALL'
  | 'NONE'
  | 'OWN';

/** Conditions on accounts. Trashed accounts are left out unless `deletedAt` is filtered. */
export type AccountFilter = {
  /** All of these. */
  and?: Array<AccountFilter> | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Credit limit (ADMIN, SALES_MANAGER, ACCOUNTANT). */
  creditLimit?: MoneyFilter | null | undefined;
  /** Trashed at; `{ isNull: false }` lists the trash. */
  deletedAt?: DateTimeFilter | null | undefined;
  /** Email. */
  email?: StringFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Industry. */
  industry?: StringFilter | null | undefined;
  /** Name. */
  name?: StringFilter | null | undefined;
  /** Not this. */
  not?: AccountFilter | null | undefined;
  /** Any of these. */
  or?: Array<AccountFilter> | null | undefined;
  /** Owner. */
  owner?: UserFilter | null | undefined;
  /** Phone (E.164). */
  phone?: StringFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
  /** Website. */
  website?: StringFilter | null | undefined;
};

/** A sort key for accounts. */
export type AccountOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: AccountSortField;
};

/** Fields accounts can be sorted by. */
export type AccountSortField =
  | 'CREATED_AT'
  | 'CREDIT_LIMIT'
  | 'INDUSTRY'
  | 'NAME'
  | 'UPDATED_AT';

/** What happened to the entity. */
export type ActivityAction =
  | 'APPROVED'
  | 'COMPLETED'
  | 'CREATED'
  | 'DELETED'
  | 'ISSUED'
  | 'LOST'
  | 'POSTED'
  | 'REJECTED'
  | 'REOPENED'
  | 'RESTORED'
  | 'REVERSED'
  | 'REVOKED'
  | 'SIGNED_IN'
  | 'STAGE_CHANGED'
  | 'UPDATED'
  | 'VOIDED'
  | 'WON';

/** Conditions on a ActivityAction value. */
export type ActivityActionFilter = {
  /** Equal to. */
  eq?: ActivityAction | null | undefined;
  /** One of the values. */
  in?: Array<ActivityAction> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: ActivityAction | null | undefined;
};

/** Conditions on activity-log entries. */
export type ActivityFilter = {
  /** What happened. */
  action?: ActivityActionFilter | null | undefined;
  /** The acting user. */
  actorId?: IdFilter | null | undefined;
  /** All of these. */
  and?: Array<ActivityFilter> | null | undefined;
  /** When. */
  createdAt?: DateTimeFilter | null | undefined;
  /** The entity. */
  entityId?: IdFilter | null | undefined;
  /** Entity type name, e.g. "Deal". */
  entityType?: StringFilter | null | undefined;
  /** Not this. */
  not?: ActivityFilter | null | undefined;
  /** Any of these. */
  or?: Array<ActivityFilter> | null | undefined;
};

/** Conditions on API keys. */
export type ApiKeyFilter = {
  /** All of these. */
  and?: Array<ApiKeyFilter> | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Not this. */
  not?: ApiKeyFilter | null | undefined;
  /** Any of these. */
  or?: Array<ApiKeyFilter> | null | undefined;
  /** Revoked at; `{ isNull: true }` lists the usable keys. */
  revokedAt?: DateTimeFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
  /** Whose key it is. */
  user?: UserFilter | null | undefined;
};

/** A sort key for API keys. */
export type ApiKeyOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: ApiKeySortField;
};

/** Fields API keys can be sorted by. */
export type ApiKeySortField =
  | 'CREATED_AT'
  | 'UPDATED_AT';

/** Conditions on a yes/no field. */
export type BooleanFilter = {
  /** Equal to. */
  eq?: boolean | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
};

/** Conditions on contacts. Trashed contacts are left out unless `deletedAt` is filtered. */
export type ContactFilter = {
  /** The account. */
  account?: AccountFilter | null | undefined;
  /** All of these. */
  and?: Array<ContactFilter> | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Trashed at; `{ isNull: false }` lists the trash. */
  deletedAt?: DateTimeFilter | null | undefined;
  /** Email. */
  email?: StringFilter | null | undefined;
  /** Given name. */
  firstName?: StringFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Family name. */
  lastName?: StringFilter | null | undefined;
  /** Not this. */
  not?: ContactFilter | null | undefined;
  /** Any of these. */
  or?: Array<ContactFilter> | null | undefined;
  /** Owner. */
  owner?: UserFilter | null | undefined;
  /** Phone (E.164). */
  phone?: StringFilter | null | undefined;
  /** Job title. */
  title?: StringFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** A sort key for contacts. */
export type ContactOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: ContactSortField;
};

/** Fields contacts can be sorted by. */
export type ContactSortField =
  | 'CREATED_AT'
  | 'EMAIL'
  | 'FIRST_NAME'
  | 'LAST_NAME'
  | 'UPDATED_AT';

/** A new account. */
export type CreateAccountInput = {
  /** Billing address. */
  billingAddress?: string | null | undefined;
  /** Credit limit, ≥ 0 with at most 2 decimals. */
  creditLimit?: string | null | undefined;
  /** Email; stored lower-cased. */
  email?: string | null | undefined;
  /** Industry. */
  industry?: string | null | undefined;
  /** Company name. */
  name: string;
  /** Owner; a new account defaults to you. Only managers and admins may assign others, and only to active users whose role may own accounts (ADMIN, SALES_MANAGER, SALES_REP). */
  ownerId?: string | number | null | undefined;
  /** Phone; stored in E.164. */
  phone?: string | null | undefined;
  /** Website URL. */
  website?: string | null | undefined;
};

/** A new API key for the caller. */
export type CreateApiKeyInput = {
  /** When it stops working; omit for no expiry. */
  expiresAt?: string | null | undefined;
  /** A name to recognise it by. */
  name: string;
  /** A read-only key cannot run mutations. */
  readOnly?: boolean;
};

/** A new contact. */
export type CreateContactInput = {
  /** The account the contact works at; null detaches it. */
  accountId?: string | number | null | undefined;
  /** Email; stored lower-cased. */
  email?: string | null | undefined;
  /** Given name. */
  firstName: string;
  /** Family name. */
  lastName: string;
  /** Owner; a new contact defaults to you. Only managers and admins may assign others, and only to active users whose role may own contacts (ADMIN, SALES_MANAGER, SALES_REP). */
  ownerId?: string | number | null | undefined;
  /** Phone; stored in E.164. */
  phone?: string | null | undefined;
  /** Job title. */
  title?: string | null | undefined;
};

/** A new deal; it starts in an open stage (PROSPECTING by default). */
export type CreateDealInput = {
  /** The account. */
  accountId: string | number;
  /** Expected value, ≥ 0 with at most 2 decimals. */
  amount?: string;
  /** Expected close date. */
  expectedCloseDate?: string | null | undefined;
  /** What is being sold. */
  name: string;
  /** Owner; a new deal defaults to you. Only managers and admins may assign others, and only to active users whose role may own deals (ADMIN, SALES_MANAGER, SALES_REP). */
  ownerId?: string | number | null | undefined;
  /** Main contact; must work at the deal’s account. Null clears. */
  primaryContactId?: string | number | null | undefined;
  /** Chance of winning, 0–100. */
  probability?: number | null | undefined;
  /** An open stage. */
  stage?: DealStage;
};

/** An expense to submit. */
export type CreateExpenseInput = {
  /** Amount above zero with at most 2 decimals. */
  amount: string;
  /** Its expense account (an active EXPENSE account). */
  categoryId: string | number;
  /** The day it was spent. */
  date: string;
  /** What it was for. */
  description?: string | null | undefined;
  /** Who was paid. */
  vendor: string;
};

/** A new interaction with a contact. */
export type CreateInteractionInput = {
  /** Full text. */
  body?: string | null | undefined;
  /** The contact. */
  contactId: string | number;
  /** The deal it was about; null clears. */
  dealId?: string | number | null | undefined;
  /** When it happened; a new interaction defaults to now. */
  occurredAt?: string | null | undefined;
  /** Owner; a new interaction defaults to you. Only managers and admins may assign others, and only to active users whose role may own interactions (ADMIN, SALES_MANAGER, SALES_REP). */
  ownerId?: string | number | null | undefined;
  /** Short summary. */
  subject: string;
  /** Kind. */
  type: InteractionType;
};

/** A new invoice, saved as a draft. */
export type CreateInvoiceInput = {
  /** The account billed. */
  accountId: string | number;
  /** When payment is due. */
  dueDate: string;
  /** Its lines, in order (at most 200). */
  lines: Array<InvoiceLineInput>;
  /** Sales tax in percent, 0 to 100 with at most 3 decimals (e.g. "8.25"). */
  taxRate?: string;
  /** The COMPLETED work order it bills (of the same account); it turns INVOICED when the invoice is issued. */
  workOrderId?: string | number | null | undefined;
};

/** A new journal entry, saved as a draft. */
export type CreateJournalEntryInput = {
  /** The day it is booked on. */
  date: string;
  /** Its lines, in order (at most 200); posting needs two or more, balanced. */
  lines: Array<JournalLineInput>;
  /** What the entry records. */
  memo?: string | null | undefined;
};

/** A new ledger account. */
export type CreateLedgerAccountInput = {
  /** Account number, 3 to 10 digits, unique in the chart (e.g. "1000"). */
  code: string;
  /** Name, e.g. "Checking account". */
  name: string;
  /** The account it is grouped under: one of the same type. */
  parentId?: string | number | null | undefined;
  /** Where it sits: asset, liability, equity, revenue or expense. */
  type: LedgerAccountType;
};

/** A new task. */
export type CreateTaskInput = {
  /** The account it is about; null clears. */
  accountId?: string | number | null | undefined;
  /** Who should do it: a user whose role can hold tasks. Null unassigns. */
  assigneeId?: string | number | null | undefined;
  /** The contact it is about; null clears. */
  contactId?: string | number | null | undefined;
  /** The deal it is about; null clears. */
  dealId?: string | number | null | undefined;
  /** When it is due; null for no due date. */
  dueAt?: string | null | undefined;
  /** Details. */
  notes?: string | null | undefined;
  /** Owner; a new task defaults to you. Only managers and admins may assign others. */
  ownerId?: string | number | null | undefined;
  /** What to do. */
  title: string;
};

/** A new user (ADMIN only). */
export type CreateUserInput = {
  /** Sign-in email; must be unique. */
  email: string;
  /** Display name. */
  name: string;
  /** Initial password, at least 10 characters. */
  password: string;
  /** Phone number; stored in E.164. */
  phone?: string | null | undefined;
  /** Role. */
  role: Role;
};

/** A new work order. */
export type CreateWorkOrderInput = {
  /** The customer account. */
  accountId: string | number;
  /** The person on site (a contact of that account). */
  contactId?: string | number | null | undefined;
  /** What the job is. */
  description: string;
  /** Its lines (at most 200). */
  lines?: Array<WorkOrderLineInput>;
};

/** Conditions on a calendar date (combined with AND). */
export type DateFilter = {
  /** Equal to. */
  eq?: string | null | undefined;
  /** Greater than. */
  gt?: string | null | undefined;
  /** Greater than or equal to. */
  gte?: string | null | undefined;
  /** One of the values. */
  in?: Array<string> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Less than. */
  lt?: string | null | undefined;
  /** Less than or equal to. */
  lte?: string | null | undefined;
  /** Not equal to. */
  neq?: string | null | undefined;
};

/** Conditions on a point in time (combined with AND). */
export type DateTimeFilter = {
  /** Equal to. */
  eq?: string | null | undefined;
  /** Greater than. */
  gt?: string | null | undefined;
  /** Greater than or equal to. */
  gte?: string | null | undefined;
  /** One of the values. */
  in?: Array<string> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Less than. */
  lt?: string | null | undefined;
  /** Less than or equal to. */
  lte?: string | null | undefined;
  /** Not equal to. */
  neq?: string | null | undefined;
};

/** Conditions on deals. Trashed deals are left out unless `deletedAt` is filtered. */
export type DealFilter = {
  /** The account. */
  account?: AccountFilter | null | undefined;
  /** Amount. */
  amount?: MoneyFilter | null | undefined;
  /** All of these. */
  and?: Array<DealFilter> | null | undefined;
  /** Closed at. */
  closedAt?: DateTimeFilter | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Trashed at; `{ isNull: false }` lists the trash. */
  deletedAt?: DateTimeFilter | null | undefined;
  /** Expected close date. */
  expectedCloseDate?: DateFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Name. */
  name?: StringFilter | null | undefined;
  /** Not this. */
  not?: DealFilter | null | undefined;
  /** Any of these. */
  or?: Array<DealFilter> | null | undefined;
  /** Owner. */
  owner?: UserFilter | null | undefined;
  /** The primary contact. */
  primaryContact?: ContactFilter | null | undefined;
  /** Probability. */
  probability?: IntFilter | null | undefined;
  /** Stage. */
  stage?: DealStageFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** A sort key for deals. */
export type DealOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: DealSortField;
};

/** Fields deals can be sorted by. */
export type DealSortField =
  | 'AMOUNT'
  | 'CLOSED_AT'
  | 'CREATED_AT'
  | 'EXPECTED_CLOSE_DATE'
  | 'NAME'
  | 'PROBABILITY'
  | 'STAGE'
  | 'UPDATED_AT';

/** Pipeline stage; the first four are open. */
export type DealStage =
  | 'CLOSED_LOST'
  | 'CLOSED_WON'
  | 'NEGOTIATION'
  | 'PROPOSAL'
  | 'PROSPECTING'
  | 'QUALIFICATION';

/** Conditions on a DealStage value. */
export type DealStageFilter = {
  /** Equal to. */
  eq?: DealStage | null | undefined;
  /** One of the values. */
  in?: Array<DealStage> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: DealStage | null | undefined;
};

/** Where a rendered document is: queued, rendering, ready to download, or failed. */
export type DocumentStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'READY'
  | 'RENDERING';

/** Conditions on expenses. */
export type ExpenseFilter = {
  /** Amount. */
  amount?: MoneyFilter | null | undefined;
  /** All of these. */
  and?: Array<ExpenseFilter> | null | undefined;
  /** Its expense account. */
  category?: LedgerAccountFilter | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Date. */
  date?: DateFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Not this. */
  not?: ExpenseFilter | null | undefined;
  /** Any of these. */
  or?: Array<ExpenseFilter> | null | undefined;
  /** Status. */
  status?: ExpenseStatusFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
  /** Vendor. */
  vendor?: StringFilter | null | undefined;
};

/** A sort key for expenses. */
export type ExpenseOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: ExpenseSortField;
};

/** Fields expenses can be sorted by. */
export type ExpenseSortField =
  | 'AMOUNT'
  | 'CREATED_AT'
  | 'DATE'
  | 'UPDATED_AT'
  | 'VENDOR';

/** An expense is submitted, then approved (and posted) or rejected with a reason. */
export type ExpenseStatus =
  | 'APPROVED'
  | 'REJECTED'
  | 'SUBMITTED';

/** Conditions on a ExpenseStatus value. */
export type ExpenseStatusFilter = {
  /** Equal to. */
  eq?: ExpenseStatus | null | undefined;
  /** One of the values. */
  in?: Array<ExpenseStatus> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: ExpenseStatus | null | undefined;
};

/** Conditions on an identifier. */
export type IdFilter = {
  /** Equal to. */
  eq?: string | number | null | undefined;
  /** One of the values. */
  in?: Array<string | number> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: string | number | null | undefined;
};

/** Conditions on a whole number (combined with AND). */
export type IntFilter = {
  /** Equal to. */
  eq?: number | null | undefined;
  /** Greater than. */
  gt?: number | null | undefined;
  /** Greater than or equal to. */
  gte?: number | null | undefined;
  /** One of the values. */
  in?: Array<number> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Less than. */
  lt?: number | null | undefined;
  /** Less than or equal to. */
  lte?: number | null | undefined;
  /** Not equal to. */
  neq?: number | null | undefined;
};

/** Conditions on interactions. Trashed interactions are left out unless `deletedAt` is filtered. */
export type InteractionFilter = {
  /** All of these. */
  and?: Array<InteractionFilter> | null | undefined;
  /** The contact. */
  contact?: ContactFilter | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** The deal. */
  deal?: DealFilter | null | undefined;
  /** Trashed at; `{ isNull: false }` lists the trash. */
  deletedAt?: DateTimeFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Not this. */
  not?: InteractionFilter | null | undefined;
  /** When it happened. */
  occurredAt?: DateTimeFilter | null | undefined;
  /** Any of these. */
  or?: Array<InteractionFilter> | null | undefined;
  /** Owner. */
  owner?: UserFilter | null | undefined;
  /** Subject. */
  subject?: StringFilter | null | undefined;
  /** Kind. */
  type?: InteractionTypeFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** A sort key for interactions. */
export type InteractionOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: InteractionSortField;
};

/** Fields interactions can be sorted by. */
export type InteractionSortField =
  | 'CREATED_AT'
  | 'OCCURRED_AT'
  | 'TYPE'
  | 'UPDATED_AT';

/** Kind of touch point. */
export type InteractionType =
  | 'CALL'
  | 'EMAIL'
  | 'MEETING'
  | 'NOTE'
  | 'SMS';

/** Conditions on a InteractionType value. */
export type InteractionTypeFilter = {
  /** Equal to. */
  eq?: InteractionType | null | undefined;
  /** One of the values. */
  in?: Array<InteractionType> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: InteractionType | null | undefined;
};

/** Conditions on invoices. */
export type InvoiceFilter = {
  /** The account billed. */
  account?: AccountFilter | null | undefined;
  /** All of these. */
  and?: Array<InvoiceFilter> | null | undefined;
  /** Balance due. */
  balanceDue?: MoneyFilter | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Due date. */
  dueDate?: DateFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Issue date. */
  issueDate?: DateFilter | null | undefined;
  /** Not this. */
  not?: InvoiceFilter | null | undefined;
  /** Invoice number. */
  number?: StringFilter | null | undefined;
  /** Any of these. */
  or?: Array<InvoiceFilter> | null | undefined;
  /** Status. */
  status?: InvoiceStatusFilter | null | undefined;
  /** Total. */
  total?: MoneyFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** A line of an invoice. */
export type InvoiceLineInput = {
  /** What was done or sold. */
  description: string;
  /** Quantity above zero with at most 3 decimals, e.g. "1.5". */
  quantity: string;
  /** Price of one unit, ≥ 0 with at most 2 decimals. */
  unitPrice: string;
};

/** A sort key for invoices. */
export type InvoiceOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: InvoiceSortField;
};

/** Fields invoices can be sorted by. */
export type InvoiceSortField =
  | 'BALANCE_DUE'
  | 'CREATED_AT'
  | 'DUE_DATE'
  | 'ISSUE_DATE'
  | 'NUMBER'
  | 'TOTAL'
  | 'UPDATED_AT';

/** Where an invoice stands: it follows the money (DRAFT → ISSUED → PARTIALLY_PAID → PAID; VOID while unpaid). */
export type InvoiceStatus =
  | 'DRAFT'
  | 'ISSUED'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'VOID';

/** Conditions on a InvoiceStatus value. */
export type InvoiceStatusFilter = {
  /** Equal to. */
  eq?: InvoiceStatus | null | undefined;
  /** One of the values. */
  in?: Array<InvoiceStatus> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: InvoiceStatus | null | undefined;
};

/** Conditions on journalEntries. Trashed journalEntries are left out unless `deletedAt` is filtered. */
export type JournalEntryFilter = {
  /** All of these. */
  and?: Array<JournalEntryFilter> | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Booking date. */
  date?: DateFilter | null | undefined;
  /** Trashed at; `{ isNull: false }` lists the trash. */
  deletedAt?: DateTimeFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Not this. */
  not?: JournalEntryFilter | null | undefined;
  /** Entry number. */
  number?: StringFilter | null | undefined;
  /** Any of these. */
  or?: Array<JournalEntryFilter> | null | undefined;
  /** Source. */
  source?: JournalSourceFilter | null | undefined;
  /** Status. */
  status?: JournalStatusFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** A sort key for journalEntries. */
export type JournalEntryOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: JournalEntrySortField;
};

/** Fields journalEntries can be sorted by. */
export type JournalEntrySortField =
  | 'CREATED_AT'
  | 'DATE'
  | 'NUMBER'
  | 'UPDATED_AT';

/** A line of a journal entry: a debit or a credit (one of them above zero, never both). */
export type JournalLineInput = {
  /** Credit, ≥ 0 with at most 2 decimals. */
  credit?: string;
  /** Debit, ≥ 0 with at most 2 decimals. */
  debit?: string;
  /** What the line is for. */
  description?: string | null | undefined;
  /** The ledger account it posts to (an active one). */
  ledgerAccountId: string | number;
};

/** What wrote a journal entry. */
export type JournalSource =
  | 'EXPENSE'
  | 'INVOICE'
  | 'MANUAL'
  | 'PAYMENT'
  | 'REVERSAL';

/** Conditions on a JournalSource value. */
export type JournalSourceFilter = {
  /** Equal to. */
  eq?: JournalSource | null | undefined;
  /** One of the values. */
  in?: Array<JournalSource> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: JournalSource | null | undefined;
};

/** A draft may change; a posted entry never does (it is corrected by a reversal). */
export type JournalStatus =
  | 'DRAFT'
  | 'POSTED';

/** Conditions on a JournalStatus value. */
export type JournalStatusFilter = {
  /** Equal to. */
  eq?: JournalStatus | null | undefined;
  /** One of the values. */
  in?: Array<JournalStatus> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: JournalStatus | null | undefined;
};

/** Conditions on ledgerAccounts. */
export type LedgerAccountFilter = {
  /** Active or not. */
  active?: BooleanFilter | null | undefined;
  /** All of these. */
  and?: Array<LedgerAccountFilter> | null | undefined;
  /** Account number. */
  code?: StringFilter | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Name. */
  name?: StringFilter | null | undefined;
  /** Not this. */
  not?: LedgerAccountFilter | null | undefined;
  /** Any of these. */
  or?: Array<LedgerAccountFilter> | null | undefined;
  /** The account it is grouped under. */
  parent?: LedgerAccountFilter | null | undefined;
  /** System role. */
  systemRole?: LedgerSystemRoleFilter | null | undefined;
  /** Type. */
  type?: LedgerAccountTypeFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** A sort key for ledgerAccounts. */
export type LedgerAccountOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: LedgerAccountSortField;
};

/** Fields ledgerAccounts can be sorted by. */
export type LedgerAccountSortField =
  | 'CODE'
  | 'CREATED_AT'
  | 'NAME'
  | 'TYPE'
  | 'UPDATED_AT';

/** Where a ledger account sits in the balance sheet or the profit and loss. */
export type LedgerAccountType =
  | 'ASSET'
  | 'EQUITY'
  | 'EXPENSE'
  | 'LIABILITY'
  | 'REVENUE';

/** Conditions on a LedgerAccountType value. */
export type LedgerAccountTypeFilter = {
  /** Equal to. */
  eq?: LedgerAccountType | null | undefined;
  /** One of the values. */
  in?: Array<LedgerAccountType> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: LedgerAccountType | null | undefined;
};

/** The part a ledger account plays in automatic postings. */
export type LedgerSystemRole =
  | 'ACCOUNTS_PAYABLE'
  | 'ACCOUNTS_RECEIVABLE'
  | 'CASH'
  | 'OWNERS_EQUITY'
  | 'SALES_TAX_PAYABLE'
  | 'SERVICE_REVENUE';

/** Conditions on a LedgerSystemRole value. */
export type LedgerSystemRoleFilter = {
  /** Equal to. */
  eq?: LedgerSystemRole | null | undefined;
  /** One of the values. */
  in?: Array<LedgerSystemRole> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: LedgerSystemRole | null | undefined;
};

/** Conditions on an amount of money (combined with AND). */
export type MoneyFilter = {
  /** Equal to. */
  eq?: string | null | undefined;
  /** Greater than. */
  gt?: string | null | undefined;
  /** Greater than or equal to. */
  gte?: string | null | undefined;
  /** One of the values. */
  in?: Array<string> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Less than. */
  lt?: string | null | undefined;
  /** Less than or equal to. */
  lte?: string | null | undefined;
  /** Not equal to. */
  neq?: string | null | undefined;
};

/** Conditions on payments. */
export type PaymentFilter = {
  /** Amount. */
  amount?: MoneyFilter | null | undefined;
  /** All of these. */
  and?: Array<PaymentFilter> | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Date received. */
  date?: DateFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** The invoice paid. */
  invoice?: InvoiceFilter | null | undefined;
  /** Method. */
  method?: PaymentMethodFilter | null | undefined;
  /** Not this. */
  not?: PaymentFilter | null | undefined;
  /** Any of these. */
  or?: Array<PaymentFilter> | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** How a payment was made. */
export type PaymentMethod =
  | 'BANK_TRANSFER'
  | 'CARD'
  | 'CASH'
  | 'CHECK';

/** Conditions on a PaymentMethod value. */
export type PaymentMethodFilter = {
  /** Equal to. */
  eq?: PaymentMethod | null | undefined;
  /** One of the values. */
  in?: Array<PaymentMethod> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: PaymentMethod | null | undefined;
};

/** A sort key for payments. */
export type PaymentOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: PaymentSortField;
};

/** Fields payments can be sorted by. */
export type PaymentSortField =
  | 'AMOUNT'
  | 'CREATED_AT'
  | 'DATE'
  | 'UPDATED_AT';

/** Where the project stands. */
export type ProjectStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'ON_HOLD';

/** A payment received against an issued invoice. */
export type RecordPaymentInput = {
  /** Amount above zero, at most the balance due, with at most 2 decimals. */
  amount: string;
  /** The day it was received (not before the invoice was issued). */
  date: string;
  /** The invoice paid. */
  invoiceId: string | number;
  /** How it was paid. */
  method: PaymentMethod;
  /** Check number, transfer reference, ... */
  reference?: string | null | undefined;
};

/** What a user may see and do. */
export type Role =
  | 'ACCOUNTANT'
  | 'ADMIN'
  | 'DISPATCHER'
  | 'SALES_MANAGER'
  | 'SALES_REP'
  | 'TECHNICIAN';

/** Conditions on a Role value. */
export type RoleFilter = {
  /** Equal to. */
  eq?: Role | null | undefined;
  /** One of the values. */
  in?: Array<Role> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: Role | null | undefined;
};

/** Sort order. */
export type SortDirection =
  | 'ASC'
  | 'DESC';

/** Conditions on a text field (combined with AND). `contains` and `startsWith` ignore case. */
export type StringFilter = {
  /** Contains the text, ignoring case. */
  contains?: string | null | undefined;
  /** Equal to. */
  eq?: string | null | undefined;
  /** One of the values. */
  in?: Array<string> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values also match). */
  neq?: string | null | undefined;
  /** Starts with the text, ignoring case. */
  startsWith?: string | null | undefined;
};

/** Conditions on tasks. Trashed tasks are left out unless `deletedAt` is filtered. */
export type TaskFilter = {
  /** The account. */
  account?: AccountFilter | null | undefined;
  /** All of these. */
  and?: Array<TaskFilter> | null | undefined;
  /** Who should do it. */
  assignee?: UserFilter | null | undefined;
  /** Completed at. */
  completedAt?: DateTimeFilter | null | undefined;
  /** The contact. */
  contact?: ContactFilter | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** The deal. */
  deal?: DealFilter | null | undefined;
  /** Trashed at; `{ isNull: false }` lists the trash. */
  deletedAt?: DateTimeFilter | null | undefined;
  /** Done or not. */
  done?: BooleanFilter | null | undefined;
  /** Due. */
  dueAt?: DateTimeFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Not this. */
  not?: TaskFilter | null | undefined;
  /** Any of these. */
  or?: Array<TaskFilter> | null | undefined;
  /** Owner. */
  owner?: UserFilter | null | undefined;
  /** Title. */
  title?: StringFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** A sort key for tasks. */
export type TaskOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: TaskSortField;
};

/** Fields tasks can be sorted by. */
export type TaskSortField =
  | 'COMPLETED_AT'
  | 'CREATED_AT'
  | 'DUE_AT'
  | 'TITLE'
  | 'UPDATED_AT';

/** Changes to an account; omitted fields stay as they are, null clears. */
export type UpdateAccountInput = {
  /** Billing address. */
  billingAddress?: string | null | undefined;
  /** Credit limit, ≥ 0 with at most 2 decimals. */
  creditLimit?: string | null | undefined;
  /** Email; stored lower-cased. */
  email?: string | null | undefined;
  /** Industry. */
  industry?: string | null | undefined;
  /** Company name. */
  name?: string | null | undefined;
  /** Owner; a new account defaults to you. Only managers and admins may assign others, and only to active users whose role may own accounts (ADMIN, SALES_MANAGER, SALES_REP). */
  ownerId?: string | number | null | undefined;
  /** Phone; stored in E.164. */
  phone?: string | null | undefined;
  /** Website URL. */
  website?: string | null | undefined;
};

/** Changes to a contact; omitted fields stay as they are, null clears. */
export type UpdateContactInput = {
  /** The account the contact works at; null detaches it. */
  accountId?: string | number | null | undefined;
  /** Email; stored lower-cased. */
  email?: string | null | undefined;
  /** Given name. */
  firstName?: string | null | undefined;
  /** Family name. */
  lastName?: string | null | undefined;
  /** Owner; a new contact defaults to you. Only managers and admins may assign others, and only to active users whose role may own contacts (ADMIN, SALES_MANAGER, SALES_REP). */
  ownerId?: string | number | null | undefined;
  /** Phone; stored in E.164. */
  phone?: string | null | undefined;
  /** Job title. */
  title?: string | null | undefined;
};

/** Changes to a deal; the stage moves only with moveDealStage / reopenDeal. */
export type UpdateDealInput = {
  /** The account. */
  accountId?: string | number | null | undefined;
  /** Expected value, ≥ 0 with at most 2 decimals. */
  amount?: string | null | undefined;
  /** Expected close date. */
  expectedCloseDate?: string | null | undefined;
  /** What is being sold. */
  name?: string | null | undefined;
  /** Owner; a new deal defaults to you. Only managers and admins may assign others, and only to active users whose role may own deals (ADMIN, SALES_MANAGER, SALES_REP). */
  ownerId?: string | number | null | undefined;
  /** Main contact; must work at the deal’s account. Null clears. */
  primaryContactId?: string | number | null | undefined;
  /** Chance of winning, 0–100. */
  probability?: number | null | undefined;
};

/** Changes to an interaction; omitted fields stay as they are, null clears. On an SMS sent with `sendSms`, type, body, contactId and occurredAt cannot change; no interaction can be changed into an SMS. */
export type UpdateInteractionInput = {
  /** Full text. */
  body?: string | null | undefined;
  /** The contact. */
  contactId?: string | number | null | undefined;
  /** The deal it was about; null clears. */
  dealId?: string | number | null | undefined;
  /** When it happened; a new interaction defaults to now. */
  occurredAt?: string | null | undefined;
  /** Owner; a new interaction defaults to you. Only managers and admins may assign others, and only to active users whose role may own interactions (ADMIN, SALES_MANAGER, SALES_REP). */
  ownerId?: string | number | null | undefined;
  /** Short summary. */
  subject?: string | null | undefined;
  /** Kind. */
  type?: InteractionType | null | undefined;
};

/** Changes to a draft invoice; omitted fields stay as they are, given lines replace all lines. */
export type UpdateInvoiceInput = {
  /** The account billed. */
  accountId?: string | number | null | undefined;
  /** When payment is due. */
  dueDate?: string | null | undefined;
  /** All its lines, in order (at most 200). */
  lines?: Array<InvoiceLineInput> | null | undefined;
  /** Sales tax in percent, 0 to 100 with at most 3 decimals. */
  taxRate?: string | null | undefined;
};

/** Changes to a draft journal entry; omitted fields stay as they are, given lines replace all lines. */
export type UpdateJournalEntryInput = {
  /** The day it is booked on. */
  date?: string | null | undefined;
  /** All its lines, in order (at most 200). */
  lines?: Array<JournalLineInput> | null | undefined;
  /** What the entry records; null clears it. */
  memo?: string | null | undefined;
};

/** Changes to a ledger account; omitted fields stay as they are. */
export type UpdateLedgerAccountInput = {
  /** false retires the account from new postings; a system account stays active. */
  active?: boolean | null | undefined;
  /** Account number, 3 to 10 digits, unique in the chart. */
  code?: string | null | undefined;
  /** Name. */
  name?: string | null | undefined;
  /** The account it is grouped under (same type); null makes it top-level. */
  parentId?: string | number | null | undefined;
  /** Type; a system account keeps its own. */
  type?: LedgerAccountType | null | undefined;
};

/** Changes to a task; omitted fields stay as they are, null clears. */
export type UpdateTaskInput = {
  /** The account it is about; null clears. */
  accountId?: string | number | null | undefined;
  /** Who should do it: a user whose role can hold tasks. Null unassigns. */
  assigneeId?: string | number | null | undefined;
  /** The contact it is about; null clears. */
  contactId?: string | number | null | undefined;
  /** The deal it is about; null clears. */
  dealId?: string | number | null | undefined;
  /** true completes the task (completedAt is set); false opens it again. */
  done?: boolean | null | undefined;
  /** When it is due; null for no due date. */
  dueAt?: string | null | undefined;
  /** Details. */
  notes?: string | null | undefined;
  /** Owner; a new task defaults to you. Only managers and admins may assign others. */
  ownerId?: string | number | null | undefined;
  /** What to do. */
  title?: string | null | undefined;
};

/** Changes to a user (ADMIN only). Deactivating revokes their sessions and API keys. */
export type UpdateUserInput = {
  /** false deactivates the user. */
  active?: boolean | null | undefined;
  /** Display name. */
  name?: string | null | undefined;
  /** Phone number; null clears it. */
  phone?: string | null | undefined;
  /** Role. */
  role?: Role | null | undefined;
};

/** Changes to an open work order; omitted fields stay as they are, given lines replace all lines. */
export type UpdateWorkOrderInput = {
  /** The customer account. */
  accountId?: string | number | null | undefined;
  /** The person on site; null clears it. */
  contactId?: string | number | null | undefined;
  /** What the job is. */
  description?: string | null | undefined;
  /** All its lines. A line given without a price keeps the price of the line it replaces (same place, same description); ADMIN and ACCOUNTANT clear a price with `unitPrice: null`. */
  lines?: Array<WorkOrderLineInput> | null | undefined;
};

/** Conditions on users. */
export type UserFilter = {
  /** Active or not. */
  active?: BooleanFilter | null | undefined;
  /** All of these. */
  and?: Array<UserFilter> | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Name. */
  name?: StringFilter | null | undefined;
  /** Not this. */
  not?: UserFilter | null | undefined;
  /** Any of these. */
  or?: Array<UserFilter> | null | undefined;
  /** Role. */
  role?: RoleFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** A sort key for users. */
export type UserOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: UserSortField;
};

/** Fields users can be sorted by. */
export type UserSortField =
  | 'CREATED_AT'
  | 'NAME'
  | 'ROLE'
  | 'UPDATED_AT';

/** Conditions on workOrders. */
export type WorkOrderFilter = {
  /** The customer account. */
  account?: AccountFilter | null | undefined;
  /** All of these. */
  and?: Array<WorkOrderFilter> | null | undefined;
  /** Created. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Identifier. */
  id?: IdFilter | null | undefined;
  /** Not this. */
  not?: WorkOrderFilter | null | undefined;
  /** Work order number. */
  number?: StringFilter | null | undefined;
  /** Any of these. */
  or?: Array<WorkOrderFilter> | null | undefined;
  /** Status. */
  status?: WorkOrderStatusFilter | null | undefined;
  /** Last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** A line of a work order. */
export type WorkOrderLineInput = {
  /** What is to be done or fitted. */
  description: string;
  /** Quantity above zero with at most 3 decimals. */
  quantity: string;
  /** Price of one unit (≥ 0, 2 decimals); only ADMIN and ACCOUNTANT set prices. */
  unitPrice?: string | null | undefined;
};

/** A sort key for workOrders. */
export type WorkOrderOrderBy = {
  /** Direction. */
  direction?: SortDirection;
  /** Field. */
  field: WorkOrderSortField;
};

/** Fields workOrders can be sorted by. */
export type WorkOrderSortField =
  | 'CREATED_AT'
  | 'NUMBER'
  | 'UPDATED_AT';

/** Where a job stands; INVOICED comes when its invoice is issued. */
export type WorkOrderStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'INVOICED'
  | 'IN_PROGRESS'
  | 'OPEN'
  | 'SCHEDULED';

/** Conditions on a WorkOrderStatus value. */
export type WorkOrderStatusFilter = {
  /** Equal to. */
  eq?: WorkOrderStatus | null | undefined;
  /** One of the values. */
  in?: Array<WorkOrderStatus> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to. */
  neq?: WorkOrderStatus | null | undefined;
};

export type AccountSearchHitFragment = { __typename: 'Account', id: string, name: string, industry: string | null };

export type AccountRowFragment = { __typename: 'Account', id: string, name: string, industry: string | null, email: string | null, phone: string | null, creditLimit?: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, owner: { __typename: 'User', id: string, name: string } };

export type AccountFullFragment = { __typename: 'Account', website: string | null, billingAddress: string | null, id: string, name: string, industry: string | null, email: string | null, phone: string | null, creditLimit?: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, owner: { __typename: 'User', id: string, name: string } };

export type AccountsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AccountFilter | null | undefined;
  orderBy?: Array<AccountOrderBy> | AccountOrderBy | null | undefined;
  withCredit?: boolean | null | undefined;
}>;


export type AccountsQuery = { __typename: 'Query', accounts: { __typename: 'AccountConnection', totalCount: number, edges: Array<{ __typename: 'AccountEdge', cursor: string, node: { __typename: 'Account', id: string, name: string, industry: string | null, email: string | null, phone: string | null, creditLimit?: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type AccountDetailQueryVariables = Exact<{
  id: string | number;
  withCredit?: boolean | null | undefined;
  withDeals?: boolean | null | undefined;
}>;


export type AccountDetailQuery = { __typename: 'Query', account: { __typename: 'Account', website: string | null, billingAddress: string | null, id: string, name: string, industry: string | null, email: string | null, phone: string | null, creditLimit?: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, contacts: { __typename: 'ContactConnection', totalCount: number, edges: Array<{ __typename: 'ContactEdge', cursor: string, node: { __typename: 'Contact', id: string, firstName: string, lastName: string, title: string | null, email: string | null, phone: string | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } }, deals?: { __typename: 'DealConnection', totalCount: number, edges: Array<{ __typename: 'DealEdge', cursor: string, node: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, expectedCloseDate: string | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } }, timeline: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> }, owner: { __typename: 'User', id: string, name: string } } | null };

export type AccountOptionsQueryVariables = Exact<{
  filter?: AccountFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type AccountOptionsQuery = { __typename: 'Query', accounts: { __typename: 'AccountConnection', edges: Array<{ __typename: 'AccountEdge', node: { __typename: 'Account', id: string, name: string, industry: string | null } }> } };

export type CreateAccountMutationVariables = Exact<{
  input: CreateAccountInput;
  withCredit?: boolean | null | undefined;
}>;


export type CreateAccountMutation = { __typename: 'Mutation', createAccount: { __typename: 'Account', website: string | null, billingAddress: string | null, id: string, name: string, industry: string | null, email: string | null, phone: string | null, creditLimit?: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, owner: { __typename: 'User', id: string, name: string } } };

export type UpdateAccountMutationVariables = Exact<{
  id: string | number;
  input: UpdateAccountInput;
  expectedVersion?: number | null | undefined;
  withCredit?: boolean | null | undefined;
}>;


export type UpdateAccountMutation = { __typename: 'Mutation', updateAccount: { __typename: 'Account', website: string | null, billingAddress: string | null, id: string, name: string, industry: string | null, email: string | null, phone: string | null, creditLimit?: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, owner: { __typename: 'User', id: string, name: string } } };

export type DeleteAccountMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAccountMutation = { __typename: 'Mutation', deleteAccount: boolean };

export type RestoreAccountMutationVariables = Exact<{
  id: string | number;
  withCredit?: boolean | null | undefined;
}>;


export type RestoreAccountMutation = { __typename: 'Mutation', restoreAccount: { __typename: 'Account', website: string | null, billingAddress: string | null, id: string, name: string, industry: string | null, email: string | null, phone: string | null, creditLimit?: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, owner: { __typename: 'User', id: string, name: string } } };

export type FeedEntryFragment = { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null };

export type LatestActivityQueryVariables = Exact<{
  last: number;
  filter?: ActivityFilter | null | undefined;
}>;


export type LatestActivityQuery = { __typename: 'Query', activityLog: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> } };

export type ActivitySinceQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: ActivityFilter | null | undefined;
}>;


export type ActivitySinceQuery = { __typename: 'Query', activityLog: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type ActivityLoggedSubscriptionVariables = Exact<{
  filter?: ActivityFilter | null | undefined;
}>;


export type ActivityLoggedSubscription = { __typename: 'Subscription', activityLogged: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } };

export type ApiKeyRowFragment = { __typename: 'ApiKey', id: string, name: string, readOnly: boolean, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null };

export type ApiKeysQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ApiKeyFilter | null | undefined;
  orderBy?: Array<ApiKeyOrderBy> | ApiKeyOrderBy | null | undefined;
}>;


export type ApiKeysQuery = { __typename: 'Query', apiKeys: { __typename: 'ApiKeyConnection', totalCount: number, edges: Array<{ __typename: 'ApiKeyEdge', cursor: string, node: { __typename: 'ApiKey', id: string, name: string, readOnly: boolean, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { __typename: 'Mutation', createApiKey: { __typename: 'ApiKeyWithSecret', secret: string, apiKey: { __typename: 'ApiKey', id: string, name: string, readOnly: boolean, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { __typename: 'Mutation', revokeApiKey: { __typename: 'ApiKey', id: string, name: string, readOnly: boolean, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null } };

export type UserRowFragment = { __typename: 'User', id: string, name: string, email: string | null, phone: string | null, role: Role, active: boolean, lastLoginAt: string | null, createdAt: string, version: number };

export type UsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: UserFilter | null | undefined;
  orderBy?: Array<UserOrderBy> | UserOrderBy | null | undefined;
}>;


export type UsersQuery = { __typename: 'Query', users: { __typename: 'UserConnection', totalCount: number, edges: Array<{ __typename: 'UserEdge', cursor: string, node: { __typename: 'User', id: string, name: string, email: string | null, phone: string | null, role: Role, active: boolean, lastLoginAt: string | null, createdAt: string, version: number } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { __typename: 'Mutation', createUser: { __typename: 'User', id: string, name: string, email: string | null, phone: string | null, role: Role, active: boolean, lastLoginAt: string | null, createdAt: string, version: number } };

export type UpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateUserMutation = { __typename: 'Mutation', updateUser: { __typename: 'User', id: string, name: string, email: string | null, phone: string | null, role: Role, active: boolean, lastLoginAt: string | null, createdAt: string, version: number } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { __typename: 'Mutation', login: { __typename: 'AuthPayload', token: string, expiresAt: string, user: { __typename: 'User', id: string, name: string, email: string | null, role: Role } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { __typename: 'Mutation', logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me: { __typename: 'User', id: string, name: string, email: string | null, role: Role, capabilities: Array<{ __typename: 'EntityCapability', entityType: string, read: AccessScope, create: boolean, update: AccessScope, delete: AccessScope, assignOwner: boolean, hiddenFields: Array<string>, holderRoles: Array<Role> }> | null } };

export type ContactSearchHitFragment = { __typename: 'Contact', id: string, firstName: string, lastName: string, email: string | null };

export type ContactRowFragment = { __typename: 'Contact', id: string, firstName: string, lastName: string, title: string | null, email: string | null, phone: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string, deletedAt: string | null } | null, owner: { __typename: 'User', id: string, name: string } };

export type ContactsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ContactFilter | null | undefined;
  orderBy?: Array<ContactOrderBy> | ContactOrderBy | null | undefined;
}>;


export type ContactsQuery = { __typename: 'Query', contacts: { __typename: 'ContactConnection', totalCount: number, edges: Array<{ __typename: 'ContactEdge', cursor: string, node: { __typename: 'Contact', id: string, firstName: string, lastName: string, title: string | null, email: string | null, phone: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string, deletedAt: string | null } | null, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type ContactDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ContactDetailQuery = { __typename: 'Query', contact: { __typename: 'Contact', id: string, firstName: string, lastName: string, title: string | null, email: string | null, phone: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, timeline: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> }, account: { __typename: 'Account', id: string, name: string, deletedAt: string | null } | null, owner: { __typename: 'User', id: string, name: string } } | null };

export type ContactOptionsQueryVariables = Exact<{
  filter?: ContactFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type ContactOptionsQuery = { __typename: 'Query', contacts: { __typename: 'ContactConnection', edges: Array<{ __typename: 'ContactEdge', node: { __typename: 'Contact', id: string, firstName: string, lastName: string, email: string | null, account: { __typename: 'Account', id: string, name: string } | null } }> } };

export type CreateContactMutationVariables = Exact<{
  input: CreateContactInput;
}>;


export type CreateContactMutation = { __typename: 'Mutation', createContact: { __typename: 'Contact', id: string, firstName: string, lastName: string, title: string | null, email: string | null, phone: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string, deletedAt: string | null } | null, owner: { __typename: 'User', id: string, name: string } } };

export type UpdateContactMutationVariables = Exact<{
  id: string | number;
  input: UpdateContactInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateContactMutation = { __typename: 'Mutation', updateContact: { __typename: 'Contact', id: string, firstName: string, lastName: string, title: string | null, email: string | null, phone: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string, deletedAt: string | null } | null, owner: { __typename: 'User', id: string, name: string } } };

export type DeleteContactMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteContactMutation = { __typename: 'Mutation', deleteContact: boolean };

export type RestoreContactMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreContactMutation = { __typename: 'Mutation', restoreContact: { __typename: 'Contact', id: string, firstName: string, lastName: string, title: string | null, email: string | null, phone: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string, deletedAt: string | null } | null, owner: { __typename: 'User', id: string, name: string } } };

export type DashboardStatsQueryVariables = Exact<{
  withInteractions?: boolean | null | undefined;
}>;


export type DashboardStatsQuery = { __typename: 'Query', dealStats: { __typename: 'DealStats', openPipelineAmount: string, openDealCount: number, wonThisMonthCount: number, wonThisMonthAmount: string, winRate: number | null, winRateDays: number, wonInWindow: number, lostInWindow: number, interactionsThisWeek?: number | null, byStage: Array<{ __typename: 'DealStageStat', stage: DealStage, count: number, amount: string }>, wonByMonth: Array<{ __typename: 'DealMonthStat', month: string, count: number, amount: string }> } };

export type DashboardFinancialsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardFinancialsQuery = { __typename: 'Query', financialSummary: { __typename: 'FinancialSummary', arOutstanding: string, revenueThisMonth: string, revenueByMonth: Array<{ __typename: 'MonthRevenue', month: string, amount: string }> } };

export type DealSearchHitFragment = { __typename: 'Deal', id: string, name: string, stage: DealStage };

export type DealRowFragment = { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } };

export type DealWithProjectFragment = { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, project: { __typename: 'Project', id: string, name: string, status: ProjectStatus } | null, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } };

export type DealsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: DealFilter | null | undefined;
  orderBy?: Array<DealOrderBy> | DealOrderBy | null | undefined;
}>;


export type DealsQuery = { __typename: 'Query', deals: { __typename: 'DealConnection', totalCount: number, edges: Array<{ __typename: 'DealEdge', cursor: string, node: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type DealDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type DealDetailQuery = { __typename: 'Query', deal: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, timeline: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> }, project: { __typename: 'Project', id: string, name: string, status: ProjectStatus } | null, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } | null };

export type DealBoardColumnFragment = { __typename: 'DealConnection', edges: Array<{ __typename: 'DealEdge', cursor: string, node: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } };

export type DealBoardQueryVariables = Exact<{
  first: number;
}>;


export type DealBoardQuery = { __typename: 'Query', prospecting: { __typename: 'DealConnection', edges: Array<{ __typename: 'DealEdge', cursor: string, node: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } }, qualification: { __typename: 'DealConnection', edges: Array<{ __typename: 'DealEdge', cursor: string, node: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } }, proposal: { __typename: 'DealConnection', edges: Array<{ __typename: 'DealEdge', cursor: string, node: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } }, negotiation: { __typename: 'DealConnection', edges: Array<{ __typename: 'DealEdge', cursor: string, node: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } }, closedWon: { __typename: 'DealConnection', edges: Array<{ __typename: 'DealEdge', cursor: string, node: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } }, closedLost: { __typename: 'DealConnection', edges: Array<{ __typename: 'DealEdge', cursor: string, node: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } }, dealStats: { __typename: 'DealStats', byStage: Array<{ __typename: 'DealStageStat', stage: DealStage, count: number, amount: string }> } };

export type DealOptionsQueryVariables = Exact<{
  filter?: DealFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type DealOptionsQuery = { __typename: 'Query', deals: { __typename: 'DealConnection', edges: Array<{ __typename: 'DealEdge', node: { __typename: 'Deal', id: string, name: string, stage: DealStage, account: { __typename: 'Account', id: string, name: string } | null } }> } };

export type CreateDealMutationVariables = Exact<{
  input: CreateDealInput;
}>;


export type CreateDealMutation = { __typename: 'Mutation', createDeal: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, project: { __typename: 'Project', id: string, name: string, status: ProjectStatus } | null, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } };

export type UpdateDealMutationVariables = Exact<{
  id: string | number;
  input: UpdateDealInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateDealMutation = { __typename: 'Mutation', updateDeal: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, project: { __typename: 'Project', id: string, name: string, status: ProjectStatus } | null, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } };

export type DeleteDealMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteDealMutation = { __typename: 'Mutation', deleteDeal: boolean };

export type RestoreDealMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreDealMutation = { __typename: 'Mutation', restoreDeal: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, project: { __typename: 'Project', id: string, name: string, status: ProjectStatus } | null, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } };

export type MoveDealStageMutationVariables = Exact<{
  id: string | number;
  stage: DealStage;
  lostReason?: string | null | undefined;
  expectedVersion?: number | null | undefined;
}>;


export type MoveDealStageMutation = { __typename: 'Mutation', moveDealStage: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, project: { __typename: 'Project', id: string, name: string, status: ProjectStatus } | null, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } };

export type ReopenDealMutationVariables = Exact<{
  id: string | number;
  stage: DealStage;
  expectedVersion?: number | null | undefined;
}>;


export type ReopenDealMutation = { __typename: 'Mutation', reopenDeal: { __typename: 'Deal', id: string, name: string, stage: DealStage, amount: string, probability: number | null, expectedCloseDate: string | null, closedAt: string | null, lostReason: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, project: { __typename: 'Project', id: string, name: string, status: ProjectStatus } | null, account: { __typename: 'Account', id: string, name: string } | null, primaryContact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, owner: { __typename: 'User', id: string, name: string } } };

export type ExpenseRowFragment = { __typename: 'Expense', id: string, vendor: string, amount: string, date: string, status: ExpenseStatus, description: string | null, createdAt: string, updatedAt: string, version: number, category: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null };

export type ExpenseFullFragment = { __typename: 'Expense', rejectionReason: string | null, id: string, vendor: string, amount: string, date: string, status: ExpenseStatus, description: string | null, createdAt: string, updatedAt: string, version: number, approvedBy: { __typename: 'User', id: string, name: string } | null, category: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null };

export type ExpensesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ExpenseFilter | null | undefined;
  orderBy?: Array<ExpenseOrderBy> | ExpenseOrderBy | null | undefined;
}>;


export type ExpensesQuery = { __typename: 'Query', expenses: { __typename: 'ExpenseConnection', totalCount: number, edges: Array<{ __typename: 'ExpenseEdge', cursor: string, node: { __typename: 'Expense', id: string, vendor: string, amount: string, date: string, status: ExpenseStatus, description: string | null, createdAt: string, updatedAt: string, version: number, category: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type ExpenseDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ExpenseDetailQuery = { __typename: 'Query', expense: { __typename: 'Expense', rejectionReason: string | null, id: string, vendor: string, amount: string, date: string, status: ExpenseStatus, description: string | null, createdAt: string, updatedAt: string, version: number, timeline: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> }, approvedBy: { __typename: 'User', id: string, name: string } | null, category: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null } | null };

export type CreateExpenseMutationVariables = Exact<{
  input: CreateExpenseInput;
}>;


export type CreateExpenseMutation = { __typename: 'Mutation', createExpense: { __typename: 'Expense', rejectionReason: string | null, id: string, vendor: string, amount: string, date: string, status: ExpenseStatus, description: string | null, createdAt: string, updatedAt: string, version: number, approvedBy: { __typename: 'User', id: string, name: string } | null, category: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null } };

export type ApproveExpenseMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveExpenseMutation = { __typename: 'Mutation', approveExpense: { __typename: 'Expense', rejectionReason: string | null, id: string, vendor: string, amount: string, date: string, status: ExpenseStatus, description: string | null, createdAt: string, updatedAt: string, version: number, approvedBy: { __typename: 'User', id: string, name: string } | null, category: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null } };

export type RejectExpenseMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectExpenseMutation = { __typename: 'Mutation', rejectExpense: { __typename: 'Expense', rejectionReason: string | null, id: string, vendor: string, amount: string, date: string, status: ExpenseStatus, description: string | null, createdAt: string, updatedAt: string, version: number, approvedBy: { __typename: 'User', id: string, name: string } | null, category: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null } };

export type InvoiceRowFragment = { __typename: 'Invoice', id: string, number: string | null, status: InvoiceStatus, issueDate: string | null, dueDate: string, total: string, amountPaid: string, balanceDue: string, createdAt: string, updatedAt: string, version: number, account: { __typename: 'Account', id: string, name: string } | null };

export type InvoicePaymentFieldsFragment = { __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null };

export type InvoiceFullFragment = { __typename: 'Invoice', subtotal: string, taxRate: string, tax: string, voidReason: string | null, id: string, number: string | null, status: InvoiceStatus, issueDate: string | null, dueDate: string, total: string, amountPaid: string, balanceDue: string, createdAt: string, updatedAt: string, version: number, workOrder: { __typename: 'WorkOrder', id: string, number: string } | null, lines: Array<{ __typename: 'InvoiceLine', description: string, quantity: string, unitPrice: string, amount: string }>, payments: Array<{ __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null }>, account: { __typename: 'Account', id: string, name: string } | null };

export type InvoicesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: InvoiceFilter | null | undefined;
  orderBy?: Array<InvoiceOrderBy> | InvoiceOrderBy | null | undefined;
}>;


export type InvoicesQuery = { __typename: 'Query', invoices: { __typename: 'InvoiceConnection', totalCount: number, edges: Array<{ __typename: 'InvoiceEdge', cursor: string, node: { __typename: 'Invoice', id: string, number: string | null, status: InvoiceStatus, issueDate: string | null, dueDate: string, total: string, amountPaid: string, balanceDue: string, createdAt: string, updatedAt: string, version: number, account: { __typename: 'Account', id: string, name: string } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type InvoiceDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type InvoiceDetailQuery = { __typename: 'Query', invoice: { __typename: 'Invoice', previewHtml: string, subtotal: string, taxRate: string, tax: string, voidReason: string | null, id: string, number: string | null, status: InvoiceStatus, issueDate: string | null, dueDate: string, total: string, amountPaid: string, balanceDue: string, createdAt: string, updatedAt: string, version: number, timeline: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> }, workOrder: { __typename: 'WorkOrder', id: string, number: string } | null, lines: Array<{ __typename: 'InvoiceLine', description: string, quantity: string, unitPrice: string, amount: string }>, payments: Array<{ __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null }>, account: { __typename: 'Account', id: string, name: string } | null } | null };

export type CreateInvoiceMutationVariables = Exact<{
  input: CreateInvoiceInput;
}>;


export type CreateInvoiceMutation = { __typename: 'Mutation', createInvoice: { __typename: 'Invoice', subtotal: string, taxRate: string, tax: string, voidReason: string | null, id: string, number: string | null, status: InvoiceStatus, issueDate: string | null, dueDate: string, total: string, amountPaid: string, balanceDue: string, createdAt: string, updatedAt: string, version: number, workOrder: { __typename: 'WorkOrder', id: string, number: string } | null, lines: Array<{ __typename: 'InvoiceLine', description: string, quantity: string, unitPrice: string, amount: string }>, payments: Array<{ __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null }>, account: { __typename: 'Account', id: string, name: string } | null } };

export type UpdateInvoiceMutationVariables = Exact<{
  id: string | number;
  input: UpdateInvoiceInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateInvoiceMutation = { __typename: 'Mutation', updateInvoice: { __typename: 'Invoice', subtotal: string, taxRate: string, tax: string, voidReason: string | null, id: string, number: string | null, status: InvoiceStatus, issueDate: string | null, dueDate: string, total: string, amountPaid: string, balanceDue: string, createdAt: string, updatedAt: string, version: number, workOrder: { __typename: 'WorkOrder', id: string, number: string } | null, lines: Array<{ __typename: 'InvoiceLine', description: string, quantity: string, unitPrice: string, amount: string }>, payments: Array<{ __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null }>, account: { __typename: 'Account', id: string, name: string } | null } };

export type IssueInvoiceMutationVariables = Exact<{
  id: string | number;
}>;


export type IssueInvoiceMutation = { __typename: 'Mutation', issueInvoice: { __typename: 'Invoice', subtotal: string, taxRate: string, tax: string, voidReason: string | null, id: string, number: string | null, status: InvoiceStatus, issueDate: string | null, dueDate: string, total: string, amountPaid: string, balanceDue: string, createdAt: string, updatedAt: string, version: number, workOrder: { __typename: 'WorkOrder', id: string, number: string } | null, lines: Array<{ __typename: 'InvoiceLine', description: string, quantity: string, unitPrice: string, amount: string }>, payments: Array<{ __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null }>, account: { __typename: 'Account', id: string, name: string } | null } };

export type VoidInvoiceMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type VoidInvoiceMutation = { __typename: 'Mutation', voidInvoice: { __typename: 'Invoice', subtotal: string, taxRate: string, tax: string, voidReason: string | null, id: string, number: string | null, status: InvoiceStatus, issueDate: string | null, dueDate: string, total: string, amountPaid: string, balanceDue: string, createdAt: string, updatedAt: string, version: number, workOrder: { __typename: 'WorkOrder', id: string, number: string } | null, lines: Array<{ __typename: 'InvoiceLine', description: string, quantity: string, unitPrice: string, amount: string }>, payments: Array<{ __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null }>, account: { __typename: 'Account', id: string, name: string } | null } };

export type RecordPaymentMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type RecordPaymentMutation = { __typename: 'Mutation', recordPayment: { __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null, invoice: { __typename: 'Invoice', subtotal: string, taxRate: string, tax: string, voidReason: string | null, id: string, number: string | null, status: InvoiceStatus, issueDate: string | null, dueDate: string, total: string, amountPaid: string, balanceDue: string, createdAt: string, updatedAt: string, version: number, workOrder: { __typename: 'WorkOrder', id: string, number: string } | null, lines: Array<{ __typename: 'InvoiceLine', description: string, quantity: string, unitPrice: string, amount: string }>, payments: Array<{ __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null }>, account: { __typename: 'Account', id: string, name: string } | null } | null } };

export type DocumentProgressFragment = { __typename: 'Document', id: string, status: DocumentStatus, url: string | null, contentType: string, error: string | null };

export type RenderInvoicePdfMutationVariables = Exact<{
  id: string | number;
}>;


export type RenderInvoicePdfMutation = { __typename: 'Mutation', renderInvoicePdf: { __typename: 'Document', id: string, status: DocumentStatus, url: string | null, contentType: string, error: string | null } };

export type DocumentProgressQueryVariables = Exact<{
  id: string | number;
}>;


export type DocumentProgressQuery = { __typename: 'Query', document: { __typename: 'Document', id: string, status: DocumentStatus, url: string | null, contentType: string, error: string | null } | null };

export type JournalEntryRowFragment = { __typename: 'JournalEntry', id: string, number: string | null, date: string, memo: string | null, status: JournalStatus, source: JournalSource, totalDebit: string, totalCredit: string, postedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number };

export type JournalLineFieldsFragment = { __typename: 'JournalLine', id: string, debit: string, credit: string, description: string | null, ledgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string } };

export type JournalEntryFullFragment = { __typename: 'JournalEntry', id: string, number: string | null, date: string, memo: string | null, status: JournalStatus, source: JournalSource, totalDebit: string, totalCredit: string, postedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, lines: Array<{ __typename: 'JournalLine', id: string, debit: string, credit: string, description: string | null, ledgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string } }>, reversalOf: { __typename: 'JournalEntry', id: string, number: string | null } | null, reversedBy: { __typename: 'JournalEntry', id: string, number: string | null } | null };

export type JournalEntriesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: JournalEntryFilter | null | undefined;
  orderBy?: Array<JournalEntryOrderBy> | JournalEntryOrderBy | null | undefined;
}>;


export type JournalEntriesQuery = { __typename: 'Query', journalEntries: { __typename: 'JournalEntryConnection', totalCount: number, edges: Array<{ __typename: 'JournalEntryEdge', cursor: string, node: { __typename: 'JournalEntry', id: string, number: string | null, date: string, memo: string | null, status: JournalStatus, source: JournalSource, totalDebit: string, totalCredit: string, postedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type JournalEntryDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type JournalEntryDetailQuery = { __typename: 'Query', journalEntry: { __typename: 'JournalEntry', id: string, number: string | null, date: string, memo: string | null, status: JournalStatus, source: JournalSource, totalDebit: string, totalCredit: string, postedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, timeline: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> }, lines: Array<{ __typename: 'JournalLine', id: string, debit: string, credit: string, description: string | null, ledgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string } }>, reversalOf: { __typename: 'JournalEntry', id: string, number: string | null } | null, reversedBy: { __typename: 'JournalEntry', id: string, number: string | null } | null } | null };

export type CreateJournalEntryMutationVariables = Exact<{
  input: CreateJournalEntryInput;
}>;


export type CreateJournalEntryMutation = { __typename: 'Mutation', createJournalEntry: { __typename: 'JournalEntry', id: string, number: string | null, date: string, memo: string | null, status: JournalStatus, source: JournalSource, totalDebit: string, totalCredit: string, postedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, lines: Array<{ __typename: 'JournalLine', id: string, debit: string, credit: string, description: string | null, ledgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string } }>, reversalOf: { __typename: 'JournalEntry', id: string, number: string | null } | null, reversedBy: { __typename: 'JournalEntry', id: string, number: string | null } | null } };

export type UpdateJournalEntryMutationVariables = Exact<{
  id: string | number;
  input: UpdateJournalEntryInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateJournalEntryMutation = { __typename: 'Mutation', updateJournalEntry: { __typename: 'JournalEntry', id: string, number: string | null, date: string, memo: string | null, status: JournalStatus, source: JournalSource, totalDebit: string, totalCredit: string, postedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, lines: Array<{ __typename: 'JournalLine', id: string, debit: string, credit: string, description: string | null, ledgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string } }>, reversalOf: { __typename: 'JournalEntry', id: string, number: string | null } | null, reversedBy: { __typename: 'JournalEntry', id: string, number: string | null } | null } };

export type DeleteJournalEntryMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteJournalEntryMutation = { __typename: 'Mutation', deleteJournalEntry: boolean };

export type RestoreJournalEntryMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreJournalEntryMutation = { __typename: 'Mutation', restoreJournalEntry: { __typename: 'JournalEntry', id: string, number: string | null, date: string, memo: string | null, status: JournalStatus, source: JournalSource, totalDebit: string, totalCredit: string, postedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number } };

export type PostJournalEntryMutationVariables = Exact<{
  id: string | number;
}>;


export type PostJournalEntryMutation = { __typename: 'Mutation', postJournalEntry: { __typename: 'JournalEntry', id: string, number: string | null, date: string, memo: string | null, status: JournalStatus, source: JournalSource, totalDebit: string, totalCredit: string, postedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, lines: Array<{ __typename: 'JournalLine', id: string, debit: string, credit: string, description: string | null, ledgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string } }>, reversalOf: { __typename: 'JournalEntry', id: string, number: string | null } | null, reversedBy: { __typename: 'JournalEntry', id: string, number: string | null } | null } };

export type ReverseJournalEntryMutationVariables = Exact<{
  id: string | number;
  date: string;
}>;


export type ReverseJournalEntryMutation = { __typename: 'Mutation', reverseJournalEntry: { __typename: 'JournalEntry', id: string, number: string | null, date: string, memo: string | null, status: JournalStatus, source: JournalSource, totalDebit: string, totalCredit: string, postedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, reversalOf: { __typename: 'JournalEntry', id: string, number: string | null, reversedBy: { __typename: 'JournalEntry', id: string, number: string | null } | null } | null, lines: Array<{ __typename: 'JournalLine', id: string, debit: string, credit: string, description: string | null, ledgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string } }>, reversedBy: { __typename: 'JournalEntry', id: string, number: string | null } | null } };

export type LedgerAccountRowFragment = { __typename: 'LedgerAccount', id: string, code: string, name: string, type: LedgerAccountType, active: boolean, systemRole: LedgerSystemRole | null, balance: string, createdAt: string, updatedAt: string, version: number, parent: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null };

export type LedgerAccountsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: LedgerAccountFilter | null | undefined;
  orderBy?: Array<LedgerAccountOrderBy> | LedgerAccountOrderBy | null | undefined;
}>;


export type LedgerAccountsQuery = { __typename: 'Query', ledgerAccounts: { __typename: 'LedgerAccountConnection', totalCount: number, edges: Array<{ __typename: 'LedgerAccountEdge', cursor: string, node: { __typename: 'LedgerAccount', id: string, code: string, name: string, type: LedgerAccountType, active: boolean, systemRole: LedgerSystemRole | null, balance: string, createdAt: string, updatedAt: string, version: number, parent: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type LedgerAccountDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type LedgerAccountDetailQuery = { __typename: 'Query', ledgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string, type: LedgerAccountType, active: boolean, systemRole: LedgerSystemRole | null, balance: string, createdAt: string, updatedAt: string, version: number, children: { __typename: 'LedgerAccountConnection', totalCount: number, edges: Array<{ __typename: 'LedgerAccountEdge', cursor: string, node: { __typename: 'LedgerAccount', id: string, code: string, name: string, active: boolean } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } }, timeline: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> }, parent: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null } | null };

export type LedgerAccountTreeQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LedgerAccountTreeQuery = { __typename: 'Query', ledgerAccounts: { __typename: 'LedgerAccountConnection', totalCount: number, edges: Array<{ __typename: 'LedgerAccountEdge', cursor: string, node: { __typename: 'LedgerAccount', id: string, code: string, name: string, type: LedgerAccountType, active: boolean, systemRole: LedgerSystemRole | null, balance: string, parent: { __typename: 'LedgerAccount', id: string } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type LedgerAccountOptionsQueryVariables = Exact<{
  filter?: LedgerAccountFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type LedgerAccountOptionsQuery = { __typename: 'Query', ledgerAccounts: { __typename: 'LedgerAccountConnection', edges: Array<{ __typename: 'LedgerAccountEdge', node: { __typename: 'LedgerAccount', id: string, code: string, name: string, type: LedgerAccountType } }> } };

export type CreateLedgerAccountMutationVariables = Exact<{
  input: CreateLedgerAccountInput;
}>;


export type CreateLedgerAccountMutation = { __typename: 'Mutation', createLedgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string, type: LedgerAccountType, active: boolean, systemRole: LedgerSystemRole | null, balance: string, createdAt: string, updatedAt: string, version: number, parent: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null } };

export type UpdateLedgerAccountMutationVariables = Exact<{
  id: string | number;
  input: UpdateLedgerAccountInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateLedgerAccountMutation = { __typename: 'Mutation', updateLedgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string, type: LedgerAccountType, active: boolean, systemRole: LedgerSystemRole | null, balance: string, createdAt: string, updatedAt: string, version: number, parent: { __typename: 'LedgerAccount', id: string, code: string, name: string } | null } };

export type PaymentRowFragment = { __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null, createdAt: string, invoice: { __typename: 'Invoice', id: string, number: string | null, account: { __typename: 'Account', id: string, name: string } | null } | null };

export type PaymentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: PaymentFilter | null | undefined;
  orderBy?: Array<PaymentOrderBy> | PaymentOrderBy | null | undefined;
}>;


export type PaymentsQuery = { __typename: 'Query', payments: { __typename: 'PaymentConnection', totalCount: number, edges: Array<{ __typename: 'PaymentEdge', cursor: string, node: { __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null, createdAt: string, invoice: { __typename: 'Invoice', id: string, number: string | null, account: { __typename: 'Account', id: string, name: string } | null } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type TrialBalanceReportQueryVariables = Exact<{
  asOf: string;
}>;


export type TrialBalanceReportQuery = { __typename: 'Query', trialBalance: { __typename: 'TrialBalance', asOf: string, totalDebit: string, totalCredit: string, rows: Array<{ __typename: 'TrialBalanceRow', debit: string, credit: string, ledgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string, type: LedgerAccountType } }> } };

export type ProfitAndLossReportQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ProfitAndLossReportQuery = { __typename: 'Query', profitAndLoss: { __typename: 'ProfitAndLoss', from: string, to: string, revenue: string, expenses: string, netIncome: string, months: Array<{ __typename: 'ProfitAndLossMonth', month: string, revenue: string, expenses: string }>, rows: Array<{ __typename: 'ProfitAndLossRow', amount: string, ledgerAccount: { __typename: 'LedgerAccount', id: string, code: string, name: string, type: LedgerAccountType } }> } };

export type ArAgingReportQueryVariables = Exact<{
  asOf: string;
}>;


export type ArAgingReportQuery = { __typename: 'Query', arAging: { __typename: 'ArAging', asOf: string, total: string, totals: { __typename: 'ArAgingBuckets', current: string, days1to30: string, days31to60: string, days61to90: string, over90: string, total: string }, rows: Array<{ __typename: 'ArAgingRow', current: string, days1to30: string, days31to60: string, days61to90: string, over90: string, total: string, account: { __typename: 'Account', id: string, name: string } }> } };

export type WorkOrderRowFragment = { __typename: 'WorkOrder', id: string, number: string, status: WorkOrderStatus, description: string, total: string, createdAt: string, updatedAt: string, version: number, account: { __typename: 'Account', id: string, name: string } | null };

export type WorkOrderFullFragment = { __typename: 'WorkOrder', id: string, number: string, status: WorkOrderStatus, description: string, total: string, createdAt: string, updatedAt: string, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, lines: Array<{ __typename: 'WorkOrderLine', description: string, quantity: string, unitPrice: string | null, amount: string | null }>, invoice?: { __typename: 'Invoice', id: string, number: string | null, status: InvoiceStatus } | null, account: { __typename: 'Account', id: string, name: string } | null };

export type WorkOrdersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: WorkOrderFilter | null | undefined;
  orderBy?: Array<WorkOrderOrderBy> | WorkOrderOrderBy | null | undefined;
}>;


export type WorkOrdersQuery = { __typename: 'Query', workOrders: { __typename: 'WorkOrderConnection', totalCount: number, edges: Array<{ __typename: 'WorkOrderEdge', cursor: string, node: { __typename: 'WorkOrder', id: string, number: string, status: WorkOrderStatus, description: string, total: string, createdAt: string, updatedAt: string, version: number, account: { __typename: 'Account', id: string, name: string } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type WorkOrderDetailQueryVariables = Exact<{
  id: string | number;
  withInvoice?: boolean | null | undefined;
}>;


export type WorkOrderDetailQuery = { __typename: 'Query', workOrder: { __typename: 'WorkOrder', id: string, number: string, status: WorkOrderStatus, description: string, total: string, createdAt: string, updatedAt: string, version: number, timeline: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> }, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, lines: Array<{ __typename: 'WorkOrderLine', description: string, quantity: string, unitPrice: string | null, amount: string | null }>, invoice?: { __typename: 'Invoice', id: string, number: string | null, status: InvoiceStatus } | null, account: { __typename: 'Account', id: string, name: string } | null } | null };

export type CreateWorkOrderMutationVariables = Exact<{
  input: CreateWorkOrderInput;
  withInvoice?: boolean | null | undefined;
}>;


export type CreateWorkOrderMutation = { __typename: 'Mutation', createWorkOrder: { __typename: 'WorkOrder', id: string, number: string, status: WorkOrderStatus, description: string, total: string, createdAt: string, updatedAt: string, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, lines: Array<{ __typename: 'WorkOrderLine', description: string, quantity: string, unitPrice: string | null, amount: string | null }>, invoice?: { __typename: 'Invoice', id: string, number: string | null, status: InvoiceStatus } | null, account: { __typename: 'Account', id: string, name: string } | null } };

export type UpdateWorkOrderMutationVariables = Exact<{
  id: string | number;
  input: UpdateWorkOrderInput;
  expectedVersion?: number | null | undefined;
  withInvoice?: boolean | null | undefined;
}>;


export type UpdateWorkOrderMutation = { __typename: 'Mutation', updateWorkOrder: { __typename: 'WorkOrder', id: string, number: string, status: WorkOrderStatus, description: string, total: string, createdAt: string, updatedAt: string, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, lines: Array<{ __typename: 'WorkOrderLine', description: string, quantity: string, unitPrice: string | null, amount: string | null }>, invoice?: { __typename: 'Invoice', id: string, number: string | null, status: InvoiceStatus } | null, account: { __typename: 'Account', id: string, name: string } | null } };

export type ChangeWorkOrderStatusMutationVariables = Exact<{
  id: string | number;
  status: WorkOrderStatus;
  expectedVersion?: number | null | undefined;
  withInvoice?: boolean | null | undefined;
}>;


export type ChangeWorkOrderStatusMutation = { __typename: 'Mutation', changeWorkOrderStatus: { __typename: 'WorkOrder', id: string, number: string, status: WorkOrderStatus, description: string, total: string, createdAt: string, updatedAt: string, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, lines: Array<{ __typename: 'WorkOrderLine', description: string, quantity: string, unitPrice: string | null, amount: string | null }>, invoice?: { __typename: 'Invoice', id: string, number: string | null, status: InvoiceStatus } | null, account: { __typename: 'Account', id: string, name: string } | null } };

export type CreateInvoiceFromWorkOrderMutationVariables = Exact<{
  workOrderId: string | number;
}>;


export type CreateInvoiceFromWorkOrderMutation = { __typename: 'Mutation', createInvoiceFromWorkOrder: { __typename: 'Invoice', subtotal: string, taxRate: string, tax: string, voidReason: string | null, id: string, number: string | null, status: InvoiceStatus, issueDate: string | null, dueDate: string, total: string, amountPaid: string, balanceDue: string, createdAt: string, updatedAt: string, version: number, workOrder: { __typename: 'WorkOrder', id: string, number: string } | null, lines: Array<{ __typename: 'InvoiceLine', description: string, quantity: string, unitPrice: string, amount: string }>, payments: Array<{ __typename: 'Payment', id: string, amount: string, date: string, method: PaymentMethod, reference: string | null }>, account: { __typename: 'Account', id: string, name: string } | null } };

export type InteractionRowFragment = { __typename: 'Interaction', id: string, type: InteractionType, subject: string, occurredAt: string, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string, account: { __typename: 'Account', id: string, name: string } | null } | null, deal: { __typename: 'Deal', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string } };

export type InteractionFullFragment = { __typename: 'Interaction', body: string | null, id: string, type: InteractionType, subject: string, occurredAt: string, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string, account: { __typename: 'Account', id: string, name: string } | null } | null, deal: { __typename: 'Deal', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string } };

export type InteractionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: InteractionFilter | null | undefined;
  orderBy?: Array<InteractionOrderBy> | InteractionOrderBy | null | undefined;
}>;


export type InteractionsQuery = { __typename: 'Query', interactions: { __typename: 'InteractionConnection', totalCount: number, edges: Array<{ __typename: 'InteractionEdge', cursor: string, node: { __typename: 'Interaction', id: string, type: InteractionType, subject: string, occurredAt: string, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string, account: { __typename: 'Account', id: string, name: string } | null } | null, deal: { __typename: 'Deal', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type InteractionDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type InteractionDetailQuery = { __typename: 'Query', interaction: { __typename: 'Interaction', body: string | null, id: string, type: InteractionType, subject: string, occurredAt: string, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string, account: { __typename: 'Account', id: string, name: string } | null } | null, deal: { __typename: 'Deal', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string } } | null };

export type InteractionHistoryQueryVariables = Exact<{
  filter?: ActivityFilter | null | undefined;
}>;


export type InteractionHistoryQuery = { __typename: 'Query', activityLog: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> } };

export type CreateInteractionMutationVariables = Exact<{
  input: CreateInteractionInput;
}>;


export type CreateInteractionMutation = { __typename: 'Mutation', createInteraction: { __typename: 'Interaction', body: string | null, id: string, type: InteractionType, subject: string, occurredAt: string, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string, account: { __typename: 'Account', id: string, name: string } | null } | null, deal: { __typename: 'Deal', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string } } };

export type UpdateInteractionMutationVariables = Exact<{
  id: string | number;
  input: UpdateInteractionInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateInteractionMutation = { __typename: 'Mutation', updateInteraction: { __typename: 'Interaction', body: string | null, id: string, type: InteractionType, subject: string, occurredAt: string, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string, account: { __typename: 'Account', id: string, name: string } | null } | null, deal: { __typename: 'Deal', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string } } };

export type DeleteInteractionMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteInteractionMutation = { __typename: 'Mutation', deleteInteraction: boolean };

export type RestoreInteractionMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreInteractionMutation = { __typename: 'Mutation', restoreInteraction: { __typename: 'Interaction', body: string | null, id: string, type: InteractionType, subject: string, occurredAt: string, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string, account: { __typename: 'Account', id: string, name: string } | null } | null, deal: { __typename: 'Deal', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string } } };

export type UserOptionsQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type UserOptionsQuery = { __typename: 'Query', users: { __typename: 'UserConnection', edges: Array<{ __typename: 'UserEdge', node: { __typename: 'User', id: string, name: string, role: Role } }> } };

export type TaskSearchHitFragment = { __typename: 'Task', id: string, title: string, done: boolean, dueAt: string | null };

export type TaskRowFragment = { __typename: 'Task', id: string, title: string, dueAt: string | null, done: boolean, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, assignee: { __typename: 'User', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string }, account: { __typename: 'Account', id: string, name: string } | null, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, deal: { __typename: 'Deal', id: string, name: string } | null };

export type TaskFullFragment = { __typename: 'Task', notes: string | null, id: string, title: string, dueAt: string | null, done: boolean, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, assignee: { __typename: 'User', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string }, account: { __typename: 'Account', id: string, name: string } | null, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, deal: { __typename: 'Deal', id: string, name: string } | null };

export type NextTaskFragment = { __typename: 'Task', id: string, title: string, dueAt: string | null };

export type TasksQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TaskFilter | null | undefined;
  orderBy?: Array<TaskOrderBy> | TaskOrderBy | null | undefined;
}>;


export type TasksQuery = { __typename: 'Query', tasks: { __typename: 'TaskConnection', totalCount: number, edges: Array<{ __typename: 'TaskEdge', cursor: string, node: { __typename: 'Task', id: string, title: string, dueAt: string | null, done: boolean, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, assignee: { __typename: 'User', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string }, account: { __typename: 'Account', id: string, name: string } | null, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, deal: { __typename: 'Deal', id: string, name: string } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type TaskDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskDetailQuery = { __typename: 'Query', task: { __typename: 'Task', notes: string | null, id: string, title: string, dueAt: string | null, done: boolean, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, timeline: { __typename: 'ActivityLogConnection', edges: Array<{ __typename: 'ActivityLogEdge', cursor: string, node: { __typename: 'ActivityLog', id: string, cursor: string, action: ActivityAction, entityType: string, entityId: string, entityLabel: string, changes: Record<string, unknown>, createdAt: string, actor: { __typename: 'User', id: string, name: string } | null, viaApiKey: { __typename: 'ApiKeyRef', id: string, name: string } | null } }> }, assignee: { __typename: 'User', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string }, account: { __typename: 'Account', id: string, name: string } | null, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, deal: { __typename: 'Deal', id: string, name: string } | null } | null };

export type DealNextTasksQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  first?: number | null | undefined;
}>;


export type DealNextTasksQuery = { __typename: 'Query', deals: { __typename: 'DealConnection', edges: Array<{ __typename: 'DealEdge', node: { __typename: 'Deal', id: string, nextTask: { __typename: 'Task', id: string, title: string, dueAt: string | null } | null } }> } };

export type ContactNextTasksQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  first?: number | null | undefined;
}>;


export type ContactNextTasksQuery = { __typename: 'Query', contacts: { __typename: 'ContactConnection', edges: Array<{ __typename: 'ContactEdge', node: { __typename: 'Contact', id: string, nextTask: { __typename: 'Task', id: string, title: string, dueAt: string | null } | null } }> } };

export type CreateTaskMutationVariables = Exact<{
  input: CreateTaskInput;
}>;


export type CreateTaskMutation = { __typename: 'Mutation', createTask: { __typename: 'Task', notes: string | null, id: string, title: string, dueAt: string | null, done: boolean, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, assignee: { __typename: 'User', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string }, account: { __typename: 'Account', id: string, name: string } | null, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, deal: { __typename: 'Deal', id: string, name: string } | null } };

export type UpdateTaskMutationVariables = Exact<{
  id: string | number;
  input: UpdateTaskInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateTaskMutation = { __typename: 'Mutation', updateTask: { __typename: 'Task', notes: string | null, id: string, title: string, dueAt: string | null, done: boolean, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, assignee: { __typename: 'User', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string }, account: { __typename: 'Account', id: string, name: string } | null, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, deal: { __typename: 'Deal', id: string, name: string } | null } };

export type SetTaskDoneMutationVariables = Exact<{
  id: string | number;
  done: boolean;
}>;


export type SetTaskDoneMutation = { __typename: 'Mutation', updateTask: { __typename: 'Task', id: string, title: string, dueAt: string | null, done: boolean, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, assignee: { __typename: 'User', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string }, account: { __typename: 'Account', id: string, name: string } | null, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, deal: { __typename: 'Deal', id: string, name: string } | null } };

export type DeleteTaskMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteTaskMutation = { __typename: 'Mutation', deleteTask: boolean };

export type RestoreTaskMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreTaskMutation = { __typename: 'Mutation', restoreTask: { __typename: 'Task', notes: string | null, id: string, title: string, dueAt: string | null, done: boolean, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, version: number, assignee: { __typename: 'User', id: string, name: string } | null, owner: { __typename: 'User', id: string, name: string }, account: { __typename: 'Account', id: string, name: string } | null, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string } | null, deal: { __typename: 'Deal', id: string, name: string } | null } };
