import { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1796575981608 implements MigrationInterface {
  name = 'Documents1796575981608';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "status" text NOT NULL, "kind" text NOT NULL, "entityType" text NOT NULL, "entityId" uuid NOT NULL, "contentType" text NOT NULL, "filename" text, "error" text, "content" bytea, CONSTRAINT "documents_status_check" CHECK ("status" IN ('QUEUED', 'RENDERING', 'READY', 'FAILED')), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_570a5c04b23c627278f4ab5a16" ON "documents"  ("entityId", "createdAt") `);
    await queryRunner.query(`ALTER TABLE "activity_log" ADD "policyType" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activity_log" DROP COLUMN "policyType"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_570a5c04b23c627278f4ab5a16"`);
    await queryRunner.query(`DROP TABLE "documents"`);
  }
}
