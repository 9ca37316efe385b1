import { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerAccounts1796570388019 implements MigrationInterface {
  name = 'LedgerAccounts1796570388019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."ledger_account_type" AS ENUM('ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE')`);
    await queryRunner.query(
      `CREATE TYPE "public"."ledger_system_role" AS ENUM('CASH', 'ACCOUNTS_RECEIVABLE', 'ACCOUNTS_PAYABLE', 'SALES_TAX_PAYABLE', 'OWNERS_EQUITY', 'SERVICE_REVENUE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" text NOT NULL, "name" text NOT NULL, "type" "public"."ledger_account_type" NOT NULL, "parentId" uuid, "active" boolean NOT NULL DEFAULT true, "systemRole" "public"."ledger_system_role", CONSTRAINT "PK_62b34396dda564757cf123fff0e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_195b83664de4eed78d7972f5c0" ON "ledger_accounts"  ("type") `);
    await queryRunner.query(`CREATE INDEX "IDX_271d3f2d12ef032fd55c997605" ON "ledger_accounts"  ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_db22aeb668af74eb038342ef48" ON "ledger_accounts"  ("active") `);
    await queryRunner.query(`CREATE INDEX "IDX_56c36bccee6379a0d7ddae35c7" ON "ledger_accounts"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_41bc87d8a9ac7e93f6de2a9f2f" ON "ledger_accounts"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c79d317de9d87e69ccf1fc4a10" ON "ledger_accounts"  ("name", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ledger_accounts_system_role_unique" ON "ledger_accounts"  ("systemRole") WHERE "systemRole" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ledger_accounts_code_unique" ON "ledger_accounts"  ("code") `);
    await queryRunner.query(
      `ALTER TABLE "ledger_accounts" ADD CONSTRAINT "FK_271d3f2d12ef032fd55c9976058" FOREIGN KEY ("parentId") REFERENCES "ledger_accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // The starting chart (DESIGN.md): the system accounts automatic postings find by role, and
    // common expense accounts of a service business. Users renumber and extend it freely.
    await queryRunner.query(
      `INSERT INTO "ledger_accounts" ("code", "name", "type", "systemRole") VALUES
        ('1000', 'Cash', 'ASSET', 'CASH'),
        ('1100', 'Accounts receivable', 'ASSET', 'ACCOUNTS_RECEIVABLE'),
        ('2000', 'Accounts payable', 'LIABILITY', 'ACCOUNTS_PAYABLE'),
        ('2100', 'Sales tax payable', 'LIABILITY', 'SALES_TAX_PAYABLE'),
        ('3000', 'Owner''s equity', 'EQUITY', 'OWNERS_EQUITY'),
        ('4000', 'Service revenue', 'REVENUE', 'SERVICE_REVENUE'),
        ('5000', 'Materials and parts', 'EXPENSE', NULL),
        ('5100', 'Subcontractors', 'EXPENSE', NULL),
        ('6000', 'Rent', 'EXPENSE', NULL),
        ('6100', 'Utilities', 'EXPENSE', NULL),
        ('6200', 'Vehicles and fuel', 'EXPENSE', NULL),
        ('6300', 'Insurance', 'EXPENSE', NULL),
        ('6400', 'Office and software', 'EXPENSE', NULL),
        ('6900', 'Other expenses', 'EXPENSE', NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_accounts" DROP CONSTRAINT "FK_271d3f2d12ef032fd55c9976058"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_accounts_code_unique"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_accounts_system_role_unique"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c79d317de9d87e69ccf1fc4a10"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_41bc87d8a9ac7e93f6de2a9f2f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56c36bccee6379a0d7ddae35c7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_db22aeb668af74eb038342ef48"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_271d3f2d12ef032fd55c997605"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_195b83664de4eed78d7972f5c0"`);
    await queryRunner.query(`DROP TABLE "ledger_accounts"`);
    await queryRunner.query(`DROP TYPE "public"."ledger_system_role"`);
    await queryRunner.query(`DROP TYPE "public"."ledger_account_type"`);
  }
}
