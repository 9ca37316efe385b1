import { randomBytes } from 'node:crypto';
import type { Queryable } from '../pagination/sql';
import { useCursorSecret } from '../pagination/cursor';

/**
 * The secret called `name`, created on first use. Instances starting together race on the
 * insert; ON CONFLICT keeps the first one written and every instance reads that one back.
 */
export async function serverSecret(db: Queryable, name: string): Promise<string> {
  try {
    await db.query(`INSERT INTO "server_secrets" ("name", "value") VALUES ($1, $2) ON CONFLICT ("name") DO NOTHING`, [
      name,
      randomBytes(32).toString('base64url'),
    ]);
    const rows: { value: string }[] = await db.query(`SELECT "value" FROM "server_secrets" WHERE "name" = $1`, [name]);
    return rows[0].value;
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') {
      throw new Error('The database has no server_secrets table yet: apply the migrations (npm run db:migrate)');
    }
    throw err;
  }
}

/** Loads the cursor signing secret: CURSOR_SECRET when configured, else the database's. */
export async function loadCursorSecret(db: Queryable, configured: string | undefined): Promise<void> {
  useCursorSecret(configured ?? (await serverSecret(db, 'cursor')));
}
