import type { Faker } from '@faker-js/faker';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../kernel/auth/secrets';
import { seedDemoBooks } from '../../modules/financials';

export const DEMO_PASSWORD = 'converge-demo';

export const DEMO_USERS = [
  { email: 'admin@demo.converge.dev', name: 'Ada Admin', role: 'ADMIN' },
  { email: 'it@demo.converge.dev', name: 'Ian Ito', role: 'ADMIN' },
  { email: 'manager@demo.converge.dev', name: 'Maya Manager', role: 'SALES_MANAGER' },
  { email: 'director@demo.converge.dev', name: 'Dev Director', role: 'SALES_MANAGER' },
  { email: 'rep@demo.converge.dev', name: 'Riley Rep', role: 'SALES_REP' },
  { email: 'rep2@demo.converge.dev', name: 'Sam Seller', role: 'SALES_REP' },
  { email: 'rep3@demo.converge.dev', name: 'Tara Trader', role: 'SALES_REP' },
  { email: 'accountant@demo.converge.dev', name: 'Alex Accountant', role: 'ACCOUNTANT' },
  { email: 'books@demo.converge.dev', name: 'Bea Books', role: 'ACCOUNTANT' },
  { email: 'dispatcher@demo.converge.dev', name: 'Dana Dispatcher', role: 'DISPATCHER' },
  { email: 'ops@demo.converge.dev', name: 'Otto Ops', role: 'DISPATCHER' },
  { email: 'tech@demo.converge.dev', name: 'Theo Tech', role: 'TECHNICIAN' },
  { email: 'tech2@demo.converge.dev', name: 'Tess Tools', role: 'TECHNICIAN' },
] as const;

const STAGES = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'];
const TYPES = ['CALL', 'EMAIL', 'MEETING', 'NOTE', 'SMS'];
const INDUSTRIES = ['HVAC', 'Plumbing', 'Electrical', 'Landscaping', 'Cleaning', 'Roofing', 'Security', 'Pest control'];

/** The fake-data library, loaded only to seed: every server imports this module, few ever seed (~30 MB). */
function loadFaker(): Faker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load, on purpose
  return (require('@faker-js/faker') as { faker: Faker }).faker;
}

/**
 * Seeds the demo dataset once (deterministic); returns false when data already exists. The books
 * commit after the CRM data, all at once: a start that finds the demo without them books them then.
 */
export async function seedDemo(ds: DataSource): Promise<boolean> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "users"`);
  if (n > 0) return seedMissingBooks(ds);
  const faker = loadFaker();
  faker.seed(20261129);
  const hash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (m) => {
    const users: { id: string; role: string }[] = [];
    for (const u of DEMO_USERS) {
      const [row] = await m.query(`INSERT INTO "users" ("email", "name", "role", "passwordHash", "phone") VALUES ($1, $2, $3, $4, $5) RETURNING "id", "role"`, [
        u.email,
        u.name,
        u.role,
        hash,
        `+1415555${String(users.length).padStart(4, '0')}`,
      ]);
      users.push(row);
    }
    const owners = users.filter((u) => u.role === 'SALES_REP' || u.role === 'SALES_MANAGER').map((u) => u.id);
    for (let a = 0; a < 50; a++) {
      const owner = owners[a % owners.length];
      const company = faker.company.name();
      const [account] = await m.query(
        `INSERT INTO "accounts" ("name", "industry", "website", "phone", "email", "billingAddress", "creditLimit", "ownerId")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING "id"`,
        [
          company,
          INDUSTRIES[a % INDUSTRIES.length],
          `https://${faker.internet.domainWord()}.example.com`,
          `+1212555${String(1000 + a)}`,
          `office@${faker.internet.domainWord()}.example.com`,
          `${faker.location.streetAddress()}\n${faker.location.city()}`,
          `${(a + 1) * 500}.00`,
          owner,
        ],
      );
      const contacts: string[] = [];
      for (let c = 0; c < 3; c++) {
        const first = faker.person.firstName();
        const last = faker.person.lastName();
        const [contact] = await m.query(
          `INSERT INTO "contacts" ("firstName", "lastName", "email", "phone", "title", "accountId", "ownerId") VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING "id"`,
          [
            first,
            last,
            `${first}.${last}.${a}${c}@example.com`.toLowerCase(),
            `+1646555${String(1000 + a * 3 + c)}`,
            faker.person.jobTitle(),
            account.id,
            owner,
          ],
        );
        contacts.push(contact.id);
      }
      for (let d = 0; d < 2; d++) {
        const stage = STAGES[(a * 2 + d) % STAGES.length];
        const closed = stage.startsWith('CLOSED');
        const [deal] = await m.query(
          `INSERT INTO "deals" ("name", "accountId", "primaryContactId", "stage", "amount", "probability", "expectedCloseDate", "closedAt", "lostReason", "ownerId")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING "id"`,
          [
            `${faker.commerce.productName()} service contract`,
            account.id,
            contacts[d],
            stage,
            `${faker.number.int({ min: 5, max: 900 }) * 100}.00`,
            closed ? (stage === 'CLOSED_WON' ? 100 : 0) : 20 + ((a + d) % 4) * 20,
            faker.date.soon({ days: 120 }).toISOString().slice(0, 10),
            closed ? faker.date.recent({ days: 60 }) : null,
            stage === 'CLOSED_LOST' ? 'Went with a cheaper competitor' : null,
            owner,
          ],
        );
        if (stage === 'CLOSED_WON') {
          await m.query(`INSERT INTO "projects" ("name", "accountId", "dealId", "managerId") VALUES ($1, $2, $3, $4)`, [
            `${company} rollout`,
            account.id,
            deal.id,
            owner,
          ]);
        }
        for (let i = 0; i < 4; i++) {
          await m.query(
            `INSERT INTO "interactions" ("type", "subject", "body", "occurredAt", "contactId", "dealId", "ownerId") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              TYPES[(a + i) % TYPES.length],
              faker.company.catchPhrase(),
              faker.lorem.sentence(),
              faker.date.recent({ days: 90 }),
              contacts[i % contacts.length],
              deal.id,
              owner,
            ],
          );
        }
      }
    }
  });
  await seedMissingBooks(ds);
  return true;
}

/** A year of books, posted through the financial commands, for demo data that has none yet; false when there is nothing to do. */
async function seedMissingBooks(ds: DataSource): Promise<boolean> {
  const [accountant] = await ds.query(`SELECT "id", "name" FROM "users" WHERE "email" = 'accountant@demo.converge.dev'`);
  if (!accountant || (await ds.query(`SELECT 1 FROM "journal_entries" LIMIT 1`)).length) return false;
  await seedDemoBooks(ds, accountant);
  return true;
}

/** Creates the ADMIN_EMAIL/ADMIN_PASSWORD admin on an empty database. */
export async function bootstrapAdmin(ds: DataSource, email: string, password: string): Promise<boolean> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "users"`);
  if (n > 0) return false;
  await ds.query(`INSERT INTO "users" ("email", "name", "role", "passwordHash") VALUES ($1, 'Administrator', 'ADMIN', $2)`, [
    email.toLowerCase(),
    await hashPassword(password),
  ]);
  return true;
}
