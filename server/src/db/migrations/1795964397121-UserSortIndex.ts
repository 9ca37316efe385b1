import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserSortIndex1795964397121 implements MigrationInterface {
  name = 'UserSortIndex1795964397121';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_603379383366b71239acc25e26" ON "users"  ("createdAt", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_603379383366b71239acc25e26"`);
  }
}
