import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkOrders1796577612402 implements MigrationInterface {
  name = 'WorkOrders1796577612402';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."work_order_status" AS ENUM('OPEN', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'INVOICED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "work_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "number" text NOT NULL, "accountId" uuid NOT NULL, "contactId" uuid, "description" text NOT NULL, "status" "public"."work_order_status" NOT NULL DEFAULT 'OPEN', "total" numeric(14,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_29f6c1884082ee6f535aed93660" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d204f4c257cdc8854eab549c06" ON "work_orders"  ("accountId") `);
    await queryRunner.query(`CREATE INDEX "IDX_184cdf747f82ce6c75fabe480f" ON "work_orders"  ("contactId") `);
    await queryRunner.query(`CREATE INDEX "IDX_84a22e7f4761f9b56f06b48cd6" ON "work_orders"  ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_1809db4e20724e29279d459a57" ON "work_orders"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_eeb5927ad07b05d0e345007abf" ON "work_orders"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e605f9c547faba7132e5f56458" ON "work_orders"  ("number", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "work_orders_number_unique" ON "work_orders"  ("number") `);
    await queryRunner.query(
      `CREATE TABLE "work_order_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workOrderId" uuid NOT NULL, "position" integer NOT NULL, "description" text NOT NULL, "quantity" numeric(12,3) NOT NULL, "unitPrice" numeric(14,2), "amount" numeric(14,2), CONSTRAINT "PK_bff39bf253307128697c9bef439" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7ba760b0524cca971a61f24ef7" ON "work_order_lines"  ("workOrderId", "position") `);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "workOrderId" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_fb5c1163fedd271524c5a2fb6c" ON "invoices"  ("workOrderId") `);
    await queryRunner.query(
      `ALTER TABLE "work_orders" ADD CONSTRAINT "FK_d204f4c257cdc8854eab549c067" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_orders" ADD CONSTRAINT "FK_184cdf747f82ce6c75fabe480ff" FOREIGN KEY ("contactId") REFERENCES "contacts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoices" ADD CONSTRAINT "FK_fb5c1163fedd271524c5a2fb6cf" FOREIGN KEY ("workOrderId") REFERENCES "work_orders"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_order_lines" ADD CONSTRAINT "FK_4e4c21b718cdb567adb757aea1f" FOREIGN KEY ("workOrderId") REFERENCES "work_orders"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_order_lines" DROP CONSTRAINT "FK_4e4c21b718cdb567adb757aea1f"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_fb5c1163fedd271524c5a2fb6cf"`);
    await queryRunner.query(`ALTER TABLE "work_orders" DROP CONSTRAINT "FK_184cdf747f82ce6c75fabe480ff"`);
    await queryRunner.query(`ALTER TABLE "work_orders" DROP CONSTRAINT "FK_d204f4c257cdc8854eab549c067"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fb5c1163fedd271524c5a2fb6c"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "workOrderId"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7ba760b0524cca971a61f24ef7"`);
    await queryRunner.query(`DROP TABLE "work_order_lines"`);
    await queryRunner.query(`DROP INDEX "public"."work_orders_number_unique"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e605f9c547faba7132e5f56458"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eeb5927ad07b05d0e345007abf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1809db4e20724e29279d459a57"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_84a22e7f4761f9b56f06b48cd6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_184cdf747f82ce6c75fabe480f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d204f4c257cdc8854eab549c06"`);
    await queryRunner.query(`DROP TABLE "work_orders"`);
    await queryRunner.query(`DROP TYPE "public"."work_order_status"`);
  }
}
