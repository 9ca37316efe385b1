import { MigrationInterface, QueryRunner } from 'typeorm';

export class JournalEntries1796575775264 implements MigrationInterface {
  name = 'JournalEntries1796575775264';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "financial_settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "lockDate" date, CONSTRAINT "PK_f688de21dcfa969e5c5c393d5b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."journal_status" AS ENUM('DRAFT', 'POSTED')`);
    await queryRunner.query(`CREATE TYPE "public"."journal_source" AS ENUM('MANUAL', 'REVERSAL', 'INVOICE', 'PAYMENT', 'EXPENSE')`);
    await queryRunner.query(
      `CREATE TABLE "journal_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deletedAt" TIMESTAMP WITH TIME ZONE, "number" text, "date" date NOT NULL, "memo" text, "status" "public"."journal_status" NOT NULL DEFAULT 'DRAFT', "totalDebit" numeric(14,2) NOT NULL DEFAULT '0', "totalCredit" numeric(14,2) NOT NULL DEFAULT '0', "source" "public"."journal_source" NOT NULL DEFAULT 'MANUAL', "reversalOfId" uuid, "postedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a70368e64230434457c8d007ab3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c4cb153b3c37ad244c187fd3ed" ON "journal_entries"  ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_90d3c0264ad44536144bfd9699" ON "journal_entries"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f2f65b8b67de310446d731e0c9" ON "journal_entries"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_61c9b8a0ae5bf1d0f17f0afa2e" ON "journal_entries"  ("number", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_57c93bb7774fda1890ae238390" ON "journal_entries"  ("date", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "journal_entries_reversal_unique" ON "journal_entries"  ("reversalOfId") WHERE "reversalOfId" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "journal_entries_source_idx" ON "journal_entries"  ("source") `);
    await queryRunner.query(`CREATE INDEX "journal_entries_deleted_idx" ON "journal_entries"  ("deletedAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "journal_entries_number_unique" ON "journal_entries"  ("number") WHERE "number" IS NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "number_sequences" ("series" text NOT NULL, "year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_faa8c0760a317d92b479091a558" PRIMARY KEY ("series", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "journal_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entryId" uuid NOT NULL, "position" integer NOT NULL, "ledgerAccountId" uuid NOT NULL, "debit" numeric(14,2) NOT NULL DEFAULT '0', "credit" numeric(14,2) NOT NULL DEFAULT '0', "description" text, CONSTRAINT "journal_lines_amounts_check" CHECK ("debit" >= 0 AND "credit" >= 0 AND ("debit" > 0) <> ("credit" > 0)), CONSTRAINT "PK_70cba2da4588cee8921f73ef136" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5467bbc007cd07182b375dd9c1" ON "journal_lines"  ("ledgerAccountId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_528873d1581c051cab495635d9" ON "journal_lines"  ("entryId", "position") `);
    await queryRunner.query(
      `ALTER TABLE "journal_entries" ADD CONSTRAINT "FK_156f9981f7138309954206a850e" FOREIGN KEY ("reversalOfId") REFERENCES "journal_entries"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "journal_lines" ADD CONSTRAINT "FK_500988f9309b9e8eb1e526158e4" FOREIGN KEY ("entryId") REFERENCES "journal_entries"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "journal_lines" ADD CONSTRAINT "FK_5467bbc007cd07182b375dd9c11" FOREIGN KEY ("ledgerAccountId") REFERENCES "ledger_accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    // The settings row the books read (lock date), and the guard that keeps posted history as it is:
    // no UPDATE or DELETE of a posted entry, and no line added to, changed in or removed from one.
    await queryRunner.query(`INSERT INTO "financial_settings" ("id") VALUES ('00000000-0000-4000-8000-000000000001')`);
    await queryRunner.query(`CREATE FUNCTION "journal_entries_posted_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD."status" = 'POSTED' THEN
          RAISE EXCEPTION 'journal entry % is posted and cannot change', OLD."number" USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "journal_entries_posted_guard" BEFORE UPDATE OR DELETE ON "journal_entries" FOR EACH ROW EXECUTE FUNCTION "journal_entries_posted_guard"()`,
    );
    await queryRunner.query(`CREATE FUNCTION "journal_lines_posted_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM "journal_entries" e WHERE e."status" = 'POSTED'
                    AND e."id" IN (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD."entryId" END, CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW."entryId" END)) THEN
          RAISE EXCEPTION 'the lines of a posted journal entry cannot change' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "journal_lines_posted_guard" BEFORE INSERT OR UPDATE OR DELETE ON "journal_lines" FOR EACH ROW EXECUTE FUNCTION "journal_lines_posted_guard"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "journal_lines_posted_guard" ON "journal_lines"`);
    await queryRunner.query(`DROP FUNCTION "journal_lines_posted_guard"()`);
    await queryRunner.query(`DROP TRIGGER "journal_entries_posted_guard" ON "journal_entries"`);
    await queryRunner.query(`DROP FUNCTION "journal_entries_posted_guard"()`);
    await queryRunner.query(`ALTER TABLE "journal_lines" DROP CONSTRAINT "FK_5467bbc007cd07182b375dd9c11"`);
    await queryRunner.query(`ALTER TABLE "journal_lines" DROP CONSTRAINT "FK_500988f9309b9e8eb1e526158e4"`);
    await queryRunner.query(`ALTER TABLE "journal_entries" DROP CONSTRAINT "FK_156f9981f7138309954206a850e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_528873d1581c051cab495635d9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5467bbc007cd07182b375dd9c1"`);
    await queryRunner.query(`DROP TABLE "journal_lines"`);
    await queryRunner.query(`DROP TABLE "number_sequences"`);
    await queryRunner.query(`DROP INDEX "public"."journal_entries_number_unique"`);
    await queryRunner.query(`DROP INDEX "public"."journal_entries_deleted_idx"`);
    await queryRunner.query(`DROP INDEX "public"."journal_entries_source_idx"`);
    await queryRunner.query(`DROP INDEX "public"."journal_entries_reversal_unique"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_57c93bb7774fda1890ae238390"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_61c9b8a0ae5bf1d0f17f0afa2e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f2f65b8b67de310446d731e0c9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_90d3c0264ad44536144bfd9699"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c4cb153b3c37ad244c187fd3ed"`);
    await queryRunner.query(`DROP TABLE "journal_entries"`);
    await queryRunner.query(`DROP TYPE "public"."journal_source"`);
    await queryRunner.query(`DROP TYPE "public"."journal_status"`);
    await queryRunner.query(`DROP TABLE "financial_settings"`);
  }
}
