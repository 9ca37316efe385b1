import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword, hashSecret, newSecret } from '../src/kernel/auth/secrets';
import { Client } from './client';
import type { TestServer } from './server';

export type RoleName = 'ADMIN' | 'SALES_MANAGER' | 'SALES_REP' | 'ACCOUNTANT' | 'DISPATCHER' | 'TECHNICIAN';
export const ROLES: RoleName[] = ['ADMIN', 'SALES_MANAGER', 'SALES_REP', 'ACCOUNTANT', 'DISPATCHER', 'TECHNICIAN'];
export const TEST_PASSWORD = 'correct horse battery';

let passwordHash: Promise<string> | undefined;
const uniq = () => randomUUID().slice(0, 8);

/** A unique prefix for the records of one test (so filters can isolate them). */
export const tag = (label = 't') => `${label}-${uniq()}`;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: RoleName;
}

export async function createUser(
  ds: DataSource,
  attrs: Partial<UserRow> & { role?: RoleName; active?: boolean; phone?: string | null } = {},
): Promise<UserRow> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const u = uniq();
  const [row] = await ds.query(
    `INSERT INTO "users" ("email", "name", "role", "passwordHash", "active", "phone") VALUES ($1, $2, $3, $4, $5, $6) RETURNING "id", "email", "name", "role"`,
    [
      attrs.email ?? `user-${u}@test.example`,
      attrs.name ?? `User ${u}`,
      attrs.role ?? 'SALES_REP',
      await passwordHash,
      attrs.active ?? true,
      attrs.phone ?? null,
    ],
  );
  return row;
}

/** A session token for a user, inserted directly (expiry defaults to an hour ahead). */
export async function createSession(ds: DataSource, userId: string, opts: { expiresAt?: Date; revoked?: boolean } = {}): Promise<string> {
  const token = newSecret('session');
  await ds.query(`INSERT INTO "auth_tokens" ("userId", "secretHash", "expiresAt", "revokedAt") VALUES ($1, $2, $3, $4)`, [
    userId,
    hashSecret(token),
    opts.expiresAt ?? new Date(Date.now() + 3600_000),
    opts.revoked ? new Date() : null,
  ]);
  return token;
}

export async function createApiKeyRow(
  ds: DataSource,
  userId: string,
  opts: { readOnly?: boolean; expiresAt?: Date | null; revoked?: boolean; name?: string } = {},
): Promise<{ id: string; secret: string }> {
  const secret = newSecret('apiKey');
  const [row] = await ds.query(
    `INSERT INTO "api_keys" ("name", "userId", "secretHash", "readOnly", "expiresAt", "revokedAt") VALUES ($1, $2, $3, $4, $5, $6) RETURNING "id"`,
    [opts.name ?? `key-${uniq()}`, userId, hashSecret(secret), opts.readOnly ?? false, opts.expiresAt ?? null, opts.revoked ? new Date() : null],
  );
  return { id: row.id, secret };
}

/** A new user of `role` and a client signed in as them. */
export async function clientAs(server: TestServer, role: RoleName, attrs: Partial<UserRow> = {}): Promise<Client> {
  const user = await createUser(server.ds, { ...attrs, role });
  return new Client(server.url, await createSession(server.ds, user.id), user);
}

export function anonymous(server: TestServer): Client {
  return new Client(server.url, null, { id: '', role: '', name: '', email: '' });
}

type Row = Record<string, any>;

async function insert(ds: DataSource, table: string, values: Row): Promise<Row> {
  const cols = Object.keys(values);
  const [row] = await ds.query(
    `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    cols.map((c) => values[c]),
  );
  return row;
}

export function createAccount(ds: DataSource, ownerId: string, attrs: Row = {}): Promise<Row> {
  return insert(ds, 'accounts', { name: `Account ${uniq()}`, ownerId, ...attrs });
}

export function createContact(ds: DataSource, ownerId: string, attrs: Row = {}): Promise<Row> {
  return insert(ds, 'contacts', { firstName: 'Pat', lastName: `Contact ${uniq()}`, ownerId, ...attrs });
}

export async function createDeal(ds: DataSource, ownerId: string, attrs: Row = {}): Promise<Row> {
  const accountId = attrs.accountId ?? (await createAccount(ds, ownerId)).id;
  return insert(ds, 'deals', { name: `Deal ${uniq()}`, stage: 'PROSPECTING', amount: '1000.00', ownerId, ...attrs, accountId });
}

export async function createInteraction(ds: DataSource, ownerId: string, attrs: Row = {}): Promise<Row> {
  const contactId = attrs.contactId ?? (await createContact(ds, ownerId)).id;
  return insert(ds, 'interactions', { type: 'CALL', subject: `Call ${uniq()}`, occurredAt: new Date(), ownerId, ...attrs, contactId });
}

export function createTask(ds: DataSource, ownerId: string, attrs: Row = {}): Promise<Row> {
  return insert(ds, 'tasks', { title: `Task ${uniq()}`, ownerId, ...attrs });
}

/** A unique ledger account number (10 digits: the highest a code may have). */
export const ledgerCode = () => String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999));

export function createLedgerAccount(ds: DataSource, attrs: Row = {}): Promise<Row> {
  return insert(ds, 'ledger_accounts', { code: ledgerCode(), name: `Ledger ${uniq()}`, type: 'EXPENSE', ...attrs });
}

/**
 * A journal entry of two lines (Dr one new asset account, Cr another) for `amount`; a draft, or
 * posted (with a test number) when `posted` is set.
 */
export async function createJournalEntry(ds: DataSource, attrs: { date?: string; amount?: string; posted?: boolean; memo?: string } = {}): Promise<Row> {
  const amount = attrs.amount ?? '10.00';
  const [debit, credit] = [await createLedgerAccount(ds, { type: 'ASSET' }), await createLedgerAccount(ds, { type: 'ASSET' })];
  const entry = await insert(ds, 'journal_entries', {
    date: attrs.date ?? '2026-01-15',
    memo: attrs.memo ?? `Entry ${uniq()}`,
    totalDebit: amount,
    totalCredit: amount,
  });
  await ds.query(`INSERT INTO "journal_lines" ("entryId", "position", "ledgerAccountId", "debit", "credit") VALUES ($1, 0, $2, $4, 0), ($1, 1, $3, 0, $4)`, [
    entry.id,
    debit.id,
    credit.id,
    amount,
  ]);
  if (!attrs.posted) return entry;
  const [[posted]] = await ds.query(`UPDATE "journal_entries" SET "status" = 'POSTED', "number" = $2, "postedAt" = now() WHERE "id" = $1 RETURNING *`, [
    entry.id,
    `JE-TEST-${uniq()}`,
  ]);
  return posted;
}

/**
 * An invoice to a new account with one line of `amount`, no tax; a draft, or issued (numbered, due
 * in full, without its posting — for permission probes) when `issued` is set.
 */
export async function createInvoice(ds: DataSource, ownerId: string, attrs: { amount?: string; issued?: boolean } = {}): Promise<Row> {
  const amount = attrs.amount ?? '100.00';
  const account = await createAccount(ds, ownerId);
  const invoice = await insert(ds, 'invoices', { accountId: account.id, dueDate: '2026-12-31', subtotal: amount, total: amount, balanceDue: amount });
  await ds.query(`INSERT INTO "invoice_lines" ("invoiceId", "position", "description", "quantity", "unitPrice", "amount") VALUES ($1, 0, 'Work', 1, $2, $2)`, [
    invoice.id,
    amount,
  ]);
  if (!attrs.issued) return invoice;
  // Issued with its posting (Dr receivable, Cr revenue), so the books stay consistent for reports.
  const entry = await insert(ds, 'journal_entries', { date: '2026-01-10', memo: 'Invoice (test)', source: 'INVOICE', totalDebit: amount, totalCredit: amount });
  await ds.query(
    `INSERT INTO "journal_lines" ("entryId", "position", "ledgerAccountId", "debit", "credit")
     SELECT $1::uuid, 0, "id", $2::numeric, 0 FROM "ledger_accounts" WHERE "systemRole" = 'ACCOUNTS_RECEIVABLE'
     UNION ALL SELECT $1::uuid, 1, "id", 0, $2::numeric FROM "ledger_accounts" WHERE "systemRole" = 'SERVICE_REVENUE'`,
    [entry.id, amount],
  );
  await ds.query(`UPDATE "journal_entries" SET "status" = 'POSTED', "number" = $2, "postedAt" = now() WHERE "id" = $1`, [entry.id, `JE-TEST-${uniq()}`]);
  const [[issued]] = await ds.query(
    `UPDATE "invoices" SET "status" = 'ISSUED', "number" = $2, "issueDate" = '2026-01-10', "journalEntryId" = $3 WHERE "id" = $1 RETURNING *`,
    [invoice.id, `INV-TEST-${uniq()}`, entry.id],
  );
  return issued;
}

/** A submitted expense of `amount` in a new expense category. */
export async function createExpense(ds: DataSource, attrs: { amount?: string } = {}): Promise<Row> {
  const category = await createLedgerAccount(ds, { type: 'EXPENSE' });
  return insert(ds, 'expenses', { vendor: `Vendor ${uniq()}`, categoryId: category.id, amount: attrs.amount ?? '25.00', date: '2026-03-03' });
}

/** A work order for a new account with one priced line, in the given status (OPEN by default). */
export async function createWorkOrder(ds: DataSource, ownerId: string, attrs: { status?: string } = {}): Promise<Row> {
  const account = await createAccount(ds, ownerId);
  const wo = await insert(ds, 'work_orders', {
    number: `WO-TEST-${uniq()}`,
    accountId: account.id,
    description: 'Job',
    status: attrs.status ?? 'OPEN',
    total: '50.00',
  });
  await ds.query(
    `INSERT INTO "work_order_lines" ("workOrderId", "position", "description", "quantity", "unitPrice", "amount") VALUES ($1, 0, 'Labour', 1, 50, 50)`,
    [wo.id],
  );
  return wo;
}
