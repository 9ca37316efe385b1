import { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1795967050630 implements MigrationInterface {
  name = 'Outbox1795967050630';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."job_state" AS ENUM('PENDING', 'DISPATCHED', 'RUNNING', 'RETRYING', 'DONE', 'DEAD')`);
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue" text NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "state" "public"."job_state" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "runAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lockedUntil" TIMESTAMP WITH TIME ZONE, "lockedBy" text, "lastError" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finishedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8c58231c0cbb5c1c46c58dc29d" ON "outbox"  ("state", "updatedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_8a36f7073498203d13dbb9e239" ON "outbox"  ("queue", "state") `);
    await queryRunner.query(`CREATE INDEX "IDX_710e09e4fb8138c086d154064e" ON "outbox"  ("state", "runAt") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_710e09e4fb8138c086d154064e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8a36f7073498203d13dbb9e239"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8c58231c0cbb5c1c46c58dc29d"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TYPE "public"."job_state"`);
  }
}
