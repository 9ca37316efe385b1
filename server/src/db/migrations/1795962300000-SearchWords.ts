import { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written (expression indexes are outside the entity metadata): search documents turn
// punctuation into spaces so "Acme-2024", emails and web addresses split into findable words.
// The expressions must stay identical to those in modules/crm/search.service.ts.
const T = `'-@._/:+', '       '`;

export class SearchWords1795962300000 implements MigrationInterface {
  name = 'SearchWords1795962300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "accounts_search_idx"`);
    await queryRunner.query(`DROP INDEX "contacts_search_idx"`);
    await queryRunner.query(`DROP INDEX "deals_search_idx"`);
    await queryRunner.query(
      `CREATE INDEX "accounts_search_idx" ON "accounts" USING gin (to_tsvector('simple', translate(coalesce("name", '') || ' ' || coalesce("industry", '') || ' ' || coalesce("email", '') || ' ' || coalesce("website", ''), ${T})))`,
    );
    await queryRunner.query(
      `CREATE INDEX "contacts_search_idx" ON "contacts" USING gin (to_tsvector('simple', translate(coalesce("firstName", '') || ' ' || coalesce("lastName", '') || ' ' || coalesce("email", '') || ' ' || coalesce("title", ''), ${T})))`,
    );
    await queryRunner.query(`CREATE INDEX "deals_search_idx" ON "deals" USING gin (to_tsvector('simple', translate(coalesce("name", ''), ${T})))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "accounts_search_idx"`);
    await queryRunner.query(`DROP INDEX "contacts_search_idx"`);
    await queryRunner.query(`DROP INDEX "deals_search_idx"`);
    await queryRunner.query(
      `CREATE INDEX "accounts_search_idx" ON "accounts" USING gin (to_tsvector('simple', coalesce("name", '') || ' ' || coalesce("industry", '') || ' ' || coalesce("email", '') || ' ' || coalesce("website", '')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "contacts_search_idx" ON "contacts" USING gin (to_tsvector('simple', coalesce("firstName", '') || ' ' || coalesce("lastName", '') || ' ' || coalesce("email", '') || ' ' || coalesce("title", '')))`,
    );
    await queryRunner.query(`CREATE INDEX "deals_search_idx" ON "deals" USING gin (to_tsvector('simple', coalesce("name", '')))`);
  }
}
