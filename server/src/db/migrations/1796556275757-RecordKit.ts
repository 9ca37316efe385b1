import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated, then reviewed: the action column changes type in place (the generator would drop and
// re-add it, losing every entry's action), and the holders of existing entries are filled from
// their owner at the time. Reverting maps actions back to the enum (it fails on actions the enum
// never had, such as COMPLETED, rather than dropping those entries).
const ACTIONS = `'CREATED', 'UPDATED', 'DELETED', 'RESTORED', 'STAGE_CHANGED', 'WON', 'LOST', 'REOPENED', 'SIGNED_IN', 'REVOKED', 'POSTED'`;

export class RecordKit1796556275757 implements MigrationInterface {
  name = 'RecordKit1796556275757';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activity_log" ADD "holders" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE "activity_log" SET "holders" = ARRAY["ownerId"] WHERE "ownerId" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "activity_log_holders_idx" ON "activity_log" USING gin ("holders")`);
    await queryRunner.query(`ALTER TABLE "activity_log" ALTER COLUMN "action" TYPE text USING "action"::text`);
    await queryRunner.query(`DROP TYPE "public"."activity_action"`);
    await queryRunner.query(`CREATE INDEX "IDX_3af8402218a8ac9346a1b09e01" ON "users"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7911925c8da86a7ceb8ed2041a" ON "api_keys"  ("revokedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_ccfff115af57bd32424d43d2b2" ON "api_keys"  ("updatedAt", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_ccfff115af57bd32424d43d2b2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7911925c8da86a7ceb8ed2041a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3af8402218a8ac9346a1b09e01"`);
    await queryRunner.query(`CREATE TYPE "public"."activity_action" AS ENUM(${ACTIONS})`);
    await queryRunner.query(`ALTER TABLE "activity_log" ALTER COLUMN "action" TYPE "public"."activity_action" USING "action"::"public"."activity_action"`);
    await queryRunner.query(`DROP INDEX "activity_log_holders_idx"`);
    await queryRunner.query(`ALTER TABLE "activity_log" DROP COLUMN "holders"`);
  }
}
