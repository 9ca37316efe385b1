import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tasks1796557250567 implements MigrationInterface {
  name = 'Tasks1796557250567';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deletedAt" TIMESTAMP WITH TIME ZONE, "ownerId" uuid NOT NULL, "title" text NOT NULL, "notes" text, "dueAt" TIMESTAMP WITH TIME ZONE, "done" boolean NOT NULL DEFAULT false, "completedAt" TIMESTAMP WITH TIME ZONE, "assigneeId" uuid, "accountId" uuid, "contactId" uuid, "dealId" uuid, CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_73b6c19f1c1a7f3cce27d4335d" ON "tasks"  ("done") `);
    await queryRunner.query(`CREATE INDEX "IDX_9a16d2c86252529f622fa53f1e" ON "tasks"  ("assigneeId") `);
    await queryRunner.query(`CREATE INDEX "IDX_d0a1ad33ba08146aa395e62911" ON "tasks"  ("accountId") `);
    await queryRunner.query(`CREATE INDEX "IDX_22e88bf5fa06f3df4f4edb1493" ON "tasks"  ("contactId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4d5c77e1b081638da5c4248ac4" ON "tasks"  ("dealId") `);
    await queryRunner.query(`CREATE INDEX "tasks_deleted_idx" ON "tasks"  ("deletedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_69e761d28d9481ec00c6f117f1" ON "tasks"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4d6fe83bd59470d95578f57499" ON "tasks"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8c5c3dcf4052e8ad993f2010a3" ON "tasks"  ("completedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_de0f074971de96e38dc78400d3" ON "tasks"  ("dueAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_850f6f1f971ead363245a91664" ON "tasks"  ("title", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5080d1f39989e260da3960adf1" ON "tasks"  ("assigneeId", "dueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_a09903858d88ea4c155164fac4" ON "tasks"  ("ownerId", "createdAt") `);
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_9a16d2c86252529f622fa53f1e3" FOREIGN KEY ("assigneeId") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_d0a1ad33ba08146aa395e629113" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_22e88bf5fa06f3df4f4edb1493f" FOREIGN KEY ("contactId") REFERENCES "contacts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_4d5c77e1b081638da5c4248ac4a" FOREIGN KEY ("dealId") REFERENCES "deals"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_607de52438268ab19a406349427" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_607de52438268ab19a406349427"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_4d5c77e1b081638da5c4248ac4a"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_22e88bf5fa06f3df4f4edb1493f"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_d0a1ad33ba08146aa395e629113"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_9a16d2c86252529f622fa53f1e3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a09903858d88ea4c155164fac4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5080d1f39989e260da3960adf1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_850f6f1f971ead363245a91664"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_de0f074971de96e38dc78400d3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8c5c3dcf4052e8ad993f2010a3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d6fe83bd59470d95578f57499"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_69e761d28d9481ec00c6f117f1"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_deleted_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d5c77e1b081638da5c4248ac4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_22e88bf5fa06f3df4f4edb1493"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d0a1ad33ba08146aa395e62911"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9a16d2c86252529f622fa53f1e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73b6c19f1c1a7f3cce27d4335d"`);
    await queryRunner.query(`DROP TABLE "tasks"`);
  }
}
