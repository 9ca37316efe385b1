import { MigrationInterface, QueryRunner } from 'typeorm';

export class InteractionSms1795967151783 implements MigrationInterface {
  name = 'InteractionSms1795967151783';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."sms_status" AS ENUM('QUEUED', 'SENDING', 'SENT', 'FAILED', 'DELIVERED', 'UNDELIVERED')`);
    await queryRunner.query(`ALTER TABLE "interactions" ADD "smsStatus" "public"."sms_status"`);
    await queryRunner.query(`ALTER TABLE "interactions" ADD "smsTo" text`);
    await queryRunner.query(`ALTER TABLE "interactions" ADD "smsProviderId" text`);
    await queryRunner.query(`ALTER TABLE "interactions" ADD "smsError" text`);
    await queryRunner.query(`ALTER TABLE "interactions" ADD "smsSendingAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_692564e9f917615c7334a3a52c" ON "interactions"  ("smsProviderId") WHERE "smsProviderId" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_692564e9f917615c7334a3a52c"`);
    await queryRunner.query(`ALTER TABLE "interactions" DROP COLUMN "smsSendingAt"`);
    await queryRunner.query(`ALTER TABLE "interactions" DROP COLUMN "smsError"`);
    await queryRunner.query(`ALTER TABLE "interactions" DROP COLUMN "smsProviderId"`);
    await queryRunner.query(`ALTER TABLE "interactions" DROP COLUMN "smsTo"`);
    await queryRunner.query(`ALTER TABLE "interactions" DROP COLUMN "smsStatus"`);
    await queryRunner.query(`DROP TYPE "public"."sms_status"`);
  }
}
