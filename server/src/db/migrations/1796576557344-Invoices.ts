import { MigrationInterface, QueryRunner } from 'typeorm';

export class Invoices1796576557344 implements MigrationInterface {
  name = 'Invoices1796576557344';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."invoice_status" AS ENUM('DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID')`);
    await queryRunner.query(
      `CREATE TABLE "invoices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "number" text, "accountId" uuid NOT NULL, "status" "public"."invoice_status" NOT NULL DEFAULT 'DRAFT', "issueDate" date, "dueDate" date NOT NULL, "subtotal" numeric(14,2) NOT NULL DEFAULT '0', "taxRate" numeric(6,3) NOT NULL DEFAULT '0', "tax" numeric(14,2) NOT NULL DEFAULT '0', "total" numeric(14,2) NOT NULL DEFAULT '0', "amountPaid" numeric(14,2) NOT NULL DEFAULT '0', "balanceDue" numeric(14,2) NOT NULL DEFAULT '0', "voidReason" text, "journalEntryId" uuid, CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_517b74001b457b209d95e4352e" ON "invoices"  ("accountId") `);
    await queryRunner.query(`CREATE INDEX "IDX_ac0f09364e3701d9ed35435288" ON "invoices"  ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_48053d2a2709595dd959a3e5cd" ON "invoices"  ("journalEntryId") `);
    await queryRunner.query(`CREATE INDEX "IDX_c3bb1df4bdb1a521312f3046c5" ON "invoices"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9dfe7ab73fc9fc1e8fb8df0dc1" ON "invoices"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7031fcf944a1e1cb2bfe933185" ON "invoices"  ("balanceDue", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0f517f47770e4dd9c226e881f4" ON "invoices"  ("total", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_08f340a1012bc3d96ed5447496" ON "invoices"  ("dueDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_35615e75de0f719f2f1532c1f6" ON "invoices"  ("issueDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4574fb77822686ff3dc2351176" ON "invoices"  ("number", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_number_unique" ON "invoices"  ("number") WHERE "number" IS NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "invoice_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoiceId" uuid NOT NULL, "position" integer NOT NULL, "description" text NOT NULL, "quantity" numeric(12,3) NOT NULL, "unitPrice" numeric(14,2) NOT NULL, "amount" numeric(14,2) NOT NULL, CONSTRAINT "PK_3d18eb48142b916f581f0c21a65" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1fbb89235d8583fd7158085960" ON "invoice_lines"  ("invoiceId", "position") `);
    await queryRunner.query(`CREATE TYPE "public"."payment_method" AS ENUM('CASH', 'CHECK', 'CARD', 'BANK_TRANSFER')`);
    await queryRunner.query(
      `CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "invoiceId" uuid NOT NULL, "amount" numeric(14,2) NOT NULL, "date" date NOT NULL, "method" "public"."payment_method" NOT NULL, "reference" text, "journalEntryId" uuid NOT NULL, CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_43d19956aeab008b49e0804c14" ON "payments"  ("invoiceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_2c0d278140eb683b4a6302d746" ON "payments"  ("method") `);
    await queryRunner.query(`CREATE INDEX "IDX_f5eddda40cdf4b66eb6407b775" ON "payments"  ("journalEntryId") `);
    await queryRunner.query(`CREATE INDEX "IDX_740e74170a2567b625865198b5" ON "payments"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_18688d0ca619b949334a3709ec" ON "payments"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_77b409146eda831fe35ff834e0" ON "payments"  ("amount", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8986da4c1309943fb856566926" ON "payments"  ("date", "id") `);
    await queryRunner.query(
      `ALTER TABLE "invoices" ADD CONSTRAINT "FK_517b74001b457b209d95e4352e6" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoices" ADD CONSTRAINT "FK_48053d2a2709595dd959a3e5cd2" FOREIGN KEY ("journalEntryId") REFERENCES "journal_entries"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_lines" ADD CONSTRAINT "FK_9f57f31e620fe759b452feb776e" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_43d19956aeab008b49e0804c145" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_f5eddda40cdf4b66eb6407b7758" FOREIGN KEY ("journalEntryId") REFERENCES "journal_entries"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_f5eddda40cdf4b66eb6407b7758"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_43d19956aeab008b49e0804c145"`);
    await queryRunner.query(`ALTER TABLE "invoice_lines" DROP CONSTRAINT "FK_9f57f31e620fe759b452feb776e"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_48053d2a2709595dd959a3e5cd2"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_517b74001b457b209d95e4352e6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8986da4c1309943fb856566926"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77b409146eda831fe35ff834e0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_18688d0ca619b949334a3709ec"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_740e74170a2567b625865198b5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f5eddda40cdf4b66eb6407b775"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2c0d278140eb683b4a6302d746"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_43d19956aeab008b49e0804c14"`);
    await queryRunner.query(`DROP TABLE "payments"`);
    await queryRunner.query(`DROP TYPE "public"."payment_method"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1fbb89235d8583fd7158085960"`);
    await queryRunner.query(`DROP TABLE "invoice_lines"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_number_unique"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4574fb77822686ff3dc2351176"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_35615e75de0f719f2f1532c1f6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_08f340a1012bc3d96ed5447496"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0f517f47770e4dd9c226e881f4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7031fcf944a1e1cb2bfe933185"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9dfe7ab73fc9fc1e8fb8df0dc1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c3bb1df4bdb1a521312f3046c5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48053d2a2709595dd959a3e5cd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ac0f09364e3701d9ed35435288"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_517b74001b457b209d95e4352e"`);
    await queryRunner.query(`DROP TABLE "invoices"`);
    await queryRunner.query(`DROP TYPE "public"."invoice_status"`);
  }
}
