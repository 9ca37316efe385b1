import { MigrationInterface, QueryRunner } from 'typeorm';

export class Expenses1796577118404 implements MigrationInterface {
  name = 'Expenses1796577118404';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."expense_status" AS ENUM('SUBMITTED', 'APPROVED', 'REJECTED')`);
    await queryRunner.query(
      `CREATE TABLE "expenses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "vendor" text NOT NULL, "categoryId" uuid NOT NULL, "amount" numeric(14,2) NOT NULL, "date" date NOT NULL, "description" text, "status" "public"."expense_status" NOT NULL DEFAULT 'SUBMITTED', "approvedById" uuid, "rejectionReason" text, "journalEntryId" uuid, CONSTRAINT "PK_94c3ceb17e3140abc9282c20610" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ac0801a1760c5f9ce43c03bacd" ON "expenses"  ("categoryId") `);
    await queryRunner.query(`CREATE INDEX "IDX_c74428bcafedde6850cdacaf0a" ON "expenses"  ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_52d3a5654f747793e6048e55bb" ON "expenses"  ("approvedById") `);
    await queryRunner.query(`CREATE INDEX "IDX_b3973e2f9fb5680c2d1995090c" ON "expenses"  ("journalEntryId") `);
    await queryRunner.query(`CREATE INDEX "IDX_2db2b090bde2a5aad6d9900294" ON "expenses"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_dd20bb1295cd1546970fd3b679" ON "expenses"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_db2af8728881cdad45b49dba86" ON "expenses"  ("amount", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_23694671fb28e9cb89b465f835" ON "expenses"  ("date", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_aec61858cb931e623bc70bf3fb" ON "expenses"  ("vendor", "id") `);
    await queryRunner.query(
      `ALTER TABLE "expenses" ADD CONSTRAINT "FK_ac0801a1760c5f9ce43c03bacd0" FOREIGN KEY ("categoryId") REFERENCES "ledger_accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expenses" ADD CONSTRAINT "FK_b3973e2f9fb5680c2d1995090c5" FOREIGN KEY ("journalEntryId") REFERENCES "journal_entries"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "expenses" DROP CONSTRAINT "FK_b3973e2f9fb5680c2d1995090c5"`);
    await queryRunner.query(`ALTER TABLE "expenses" DROP CONSTRAINT "FK_ac0801a1760c5f9ce43c03bacd0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aec61858cb931e623bc70bf3fb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_23694671fb28e9cb89b465f835"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_db2af8728881cdad45b49dba86"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dd20bb1295cd1546970fd3b679"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2db2b090bde2a5aad6d9900294"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b3973e2f9fb5680c2d1995090c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52d3a5654f747793e6048e55bb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c74428bcafedde6850cdacaf0a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ac0801a1760c5f9ce43c03bacd"`);
    await queryRunner.query(`DROP TABLE "expenses"`);
    await queryRunner.query(`DROP TYPE "public"."expense_status"`);
  }
}
