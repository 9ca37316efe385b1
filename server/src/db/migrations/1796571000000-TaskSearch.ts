import { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written (expression indexes are outside the entity metadata): the search document of tasks,
// exactly as kernel/records/search.ts builds it for the columns the task kind declares.
export class TaskSearch1796571000000 implements MigrationInterface {
  name = 'TaskSearch1796571000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "tasks_search_idx" ON "tasks" USING gin (to_tsvector('simple', translate(coalesce("title", '') || ' ' || coalesce("notes", ''), '-@._/:+', '       ')))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "tasks_search_idx"`);
  }
}
