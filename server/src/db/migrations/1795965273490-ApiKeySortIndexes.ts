import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeySortIndexes1795965273490 implements MigrationInterface {
  name = 'ApiKeySortIndexes1795965273490';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_ce59bcecc9b237fda88ae66a16" ON "api_keys"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b898f07f550093e5726f2bbede" ON "api_keys"  ("userId", "createdAt") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_b898f07f550093e5726f2bbede"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ce59bcecc9b237fda88ae66a16"`);
  }
}
