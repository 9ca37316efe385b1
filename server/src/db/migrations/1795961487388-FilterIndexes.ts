import { MigrationInterface, QueryRunner } from 'typeorm';

export class FilterIndexes1795961487388 implements MigrationInterface {
  name = 'FilterIndexes1795961487388';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_0890d8ebe90990c78fe4804231" ON "users"  ("active") `);
    await queryRunner.query(`CREATE INDEX "IDX_19e5895496935ffb89b9a4c352" ON "activity_log"  ("entityType") `);
    await queryRunner.query(`CREATE INDEX "IDX_54613c31faeda08540b3524b7c" ON "accounts"  ("website") `);
    await queryRunner.query(`CREATE INDEX "IDX_41704a57004fc60242d7996bd8" ON "accounts"  ("phone") `);
    await queryRunner.query(`CREATE INDEX "accounts_deleted_idx" ON "accounts"  ("deletedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_84cae51c485079bdd8cdf1d828" ON "contacts"  ("phone") `);
    await queryRunner.query(`CREATE INDEX "IDX_d1fbfd9fcd98e4d9d532ae5024" ON "contacts"  ("title") `);
    await queryRunner.query(`CREATE INDEX "contacts_deleted_idx" ON "contacts"  ("deletedAt") `);
    await queryRunner.query(`CREATE INDEX "deals_deleted_idx" ON "deals"  ("deletedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_6b0e874c237e8355ba888039f6" ON "interactions"  ("subject") `);
    await queryRunner.query(`CREATE INDEX "interactions_deleted_idx" ON "interactions"  ("deletedAt") `);
    // Hand-written: trigram indexes for case-insensitive `contains` on the most searched names.
    await queryRunner.query(`CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING gin ("lastName" gin_trgm_ops, "firstName" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "deals_name_trgm_idx" ON "deals" USING gin ("name" gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "deals_name_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "contacts_name_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."interactions_deleted_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6b0e874c237e8355ba888039f6"`);
    await queryRunner.query(`DROP INDEX "public"."deals_deleted_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contacts_deleted_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d1fbfd9fcd98e4d9d532ae5024"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_84cae51c485079bdd8cdf1d828"`);
    await queryRunner.query(`DROP INDEX "public"."accounts_deleted_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_41704a57004fc60242d7996bd8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_54613c31faeda08540b3524b7c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_19e5895496935ffb89b9a4c352"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0890d8ebe90990c78fe4804231"`);
  }
}
