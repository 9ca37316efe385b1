import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795960754157 implements MigrationInterface {
  name = 'Initial1795960754157';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Extensions: pgcrypto for gen_random_uuid() on older servers, pg_trgm for `contains` filters.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'SALES_MANAGER', 'SALES_REP', 'ACCOUNTANT', 'DISPATCHER', 'TECHNICIAN')`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "email" text NOT NULL, "name" text NOT NULL, "phone" text, "role" "public"."user_role" NOT NULL, "active" boolean NOT NULL DEFAULT true, "lastLoginAt" TIMESTAMP WITH TIME ZONE, "passwordHash" text NOT NULL, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_51b8b26ac168fbe7d6f5653e6c" ON "users"  ("name") `);
    await queryRunner.query(`CREATE INDEX "IDX_ace513fa30d485cfd25c11a9e4" ON "users"  ("role") `);
    await queryRunner.query(
      `CREATE TABLE "auth_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "userId" uuid NOT NULL, "secretHash" text NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "revokedAt" TIMESTAMP WITH TIME ZONE, "ip" text, CONSTRAINT "PK_41e9ddfbb32da18c4e85e45c2fd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c25fb956ebada4b256501585cc" ON "auth_tokens"  ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_91ce1a16fa59cf1c58ac66c2df" ON "auth_tokens"  ("secretHash") `);
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name" text NOT NULL, "userId" uuid NOT NULL, "secretHash" text NOT NULL, "readOnly" boolean NOT NULL DEFAULT false, "expiresAt" TIMESTAMP WITH TIME ZONE, "lastUsedAt" TIMESTAMP WITH TIME ZONE, "revokedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6c2e267ae764a9413b863a2934" ON "api_keys"  ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_61b9fd4b1653ad87c7e79a2746" ON "api_keys"  ("secretHash") `);
    await queryRunner.query(
      `CREATE TYPE "public"."activity_action" AS ENUM('CREATED', 'UPDATED', 'DELETED', 'RESTORED', 'STAGE_CHANGED', 'WON', 'LOST', 'REOPENED', 'SIGNED_IN', 'REVOKED', 'POSTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "activity_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "txid" bigint NOT NULL, "action" "public"."activity_action" NOT NULL, "entityType" text NOT NULL, "entityId" uuid NOT NULL, "entityLabel" text NOT NULL, "actorId" uuid, "viaApiKeyId" uuid, "ownerId" uuid, "changes" jsonb NOT NULL DEFAULT '{}', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_067d761e2956b77b14e534fd6f1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_695624cb02a5da0e86cd4489c0" ON "activity_log"  ("action") `);
    await queryRunner.query(`CREATE INDEX "IDX_4df1cd3ed889a9d5cdd69e5347" ON "activity_log"  ("createdAt") `);
    await queryRunner.query(
      `CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deletedAt" TIMESTAMP WITH TIME ZONE, "ownerId" uuid NOT NULL, "name" text NOT NULL, "industry" text, "website" text, "phone" text, "email" text, "billingAddress" text, "creditLimit" numeric(14,2), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9157536ee07cb6f34850f257dc" ON "accounts"  ("industry") `);
    await queryRunner.query(`CREATE INDEX "IDX_ee66de6cdc53993296d1ceb8aa" ON "accounts"  ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_642ba23c5f84bbba8ca9dc50e8" ON "accounts"  ("creditLimit") `);
    await queryRunner.query(`CREATE INDEX "IDX_a7b6ca2da8333bd179483a1c47" ON "accounts"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_428f9e26938be3fe17116d2a90" ON "accounts"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a0a539bc2dc4b0dd33db8659b1" ON "accounts"  ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_801d817435daad063a92a6f2cc" ON "accounts"  ("ownerId", "createdAt") `);
    await queryRunner.query(
      `CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deletedAt" TIMESTAMP WITH TIME ZONE, "ownerId" uuid NOT NULL, "firstName" text NOT NULL, "lastName" text NOT NULL, "email" text, "phone" text, "title" text, "accountId" uuid, CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_752866c5247ddd34fd05559537" ON "contacts"  ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_5363bc1655a7339414523a02fd" ON "contacts"  ("accountId") `);
    await queryRunner.query(`CREATE INDEX "IDX_6710ea5fa60f8ac0b489b9fd27" ON "contacts"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_49e2500e692a42616b38c9873a" ON "contacts"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_08b3e7e91810e5b8cb684dcc80" ON "contacts"  ("firstName", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9cdca8c854f02d9691f505f0ae" ON "contacts"  ("lastName", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5384cb443f1b3ae52361ed6fc5" ON "contacts"  ("ownerId", "createdAt") `);
    await queryRunner.query(
      `CREATE TYPE "public"."deal_stage" AS ENUM('PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST')`,
    );
    await queryRunner.query(
      `CREATE TABLE "deals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deletedAt" TIMESTAMP WITH TIME ZONE, "ownerId" uuid NOT NULL, "name" text NOT NULL, "accountId" uuid NOT NULL, "primaryContactId" uuid, "stage" "public"."deal_stage" NOT NULL, "amount" numeric(14,2) NOT NULL DEFAULT '0', "probability" integer, "expectedCloseDate" date, "closedAt" TIMESTAMP WITH TIME ZONE, "lostReason" text, CONSTRAINT "PK_8c66f03b250f613ff8615940b4b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2e026650660c2d1214b5953810" ON "deals"  ("accountId") `);
    await queryRunner.query(`CREATE INDEX "IDX_62ca7b4d6d531b14d75f1a52cc" ON "deals"  ("primaryContactId") `);
    await queryRunner.query(`CREATE INDEX "IDX_d9d02e1c6a8746af7b565df55c" ON "deals"  ("stage") `);
    await queryRunner.query(`CREATE INDEX "IDX_c6bcb29ae4f0ecbc48512261a0" ON "deals"  ("probability") `);
    await queryRunner.query(`CREATE INDEX "IDX_7c4b1dba5dae2fc5bbece8101d" ON "deals"  ("closedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_06511e9580574133a7ac6c99b7" ON "deals"  ("expectedCloseDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f019ecd409ea602d69d35a2f16" ON "deals"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_51690bebfe9b60aa675cdbdefa" ON "deals"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6a795c0c984a8739d46359153a" ON "deals"  ("amount", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_80dff2621c3258430e1831e8c4" ON "deals"  ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5b115ac08a1046084335391827" ON "deals"  ("ownerId", "createdAt") `);
    await queryRunner.query(`CREATE TYPE "public"."interaction_type" AS ENUM('CALL', 'EMAIL', 'MEETING', 'NOTE', 'SMS')`);
    await queryRunner.query(
      `CREATE TABLE "interactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deletedAt" TIMESTAMP WITH TIME ZONE, "ownerId" uuid NOT NULL, "type" "public"."interaction_type" NOT NULL, "subject" text NOT NULL, "body" text, "occurredAt" TIMESTAMP WITH TIME ZONE NOT NULL, "contactId" uuid NOT NULL, "dealId" uuid, CONSTRAINT "PK_911b7416a6671b4148b18c18ecb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ef9fade8e5a6dac06ef5031986" ON "interactions"  ("type") `);
    await queryRunner.query(`CREATE INDEX "IDX_2f365ac37e122ce53d1e8814b8" ON "interactions"  ("contactId", "occurredAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_20e45c5f220f852ed72b04dc38" ON "interactions"  ("dealId", "occurredAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_ffc0e561d3b2c84f4de712b4a2" ON "interactions"  ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d5745576c4de2e6743a7b014ec" ON "interactions"  ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_498a03dfe4e0a68d9c3c782a46" ON "interactions"  ("occurredAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_61e47f522ea8dc11ea8605f2b6" ON "interactions"  ("ownerId", "occurredAt") `);
    await queryRunner.query(`CREATE TYPE "public"."project_status" AS ENUM('ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name" text NOT NULL, "accountId" uuid NOT NULL, "dealId" uuid, "status" "public"."project_status" NOT NULL DEFAULT 'ACTIVE', "dueDate" date, "managerId" uuid, CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3f20b08797133f636a6af39fc5" ON "projects"  ("accountId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ee53308197dc10b9f590360ed4" ON "projects"  ("dealId") WHERE "dealId" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_239dec66b26610938a98a7b7bd" ON "projects"  ("managerId") `);
    await queryRunner.query(
      `ALTER TABLE "auth_tokens" ADD CONSTRAINT "FK_c25fb956ebada4b256501585cca" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_6c2e267ae764a9413b863a29342" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "accounts" ADD CONSTRAINT "FK_2cb7f7a1dc3b84c8cde2b930944" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contacts" ADD CONSTRAINT "FK_5363bc1655a7339414523a02fd4" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contacts" ADD CONSTRAINT "FK_270a85b7f2d4b6821dc7642e6a8" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deals" ADD CONSTRAINT "FK_2e026650660c2d1214b59538105" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deals" ADD CONSTRAINT "FK_62ca7b4d6d531b14d75f1a52ccc" FOREIGN KEY ("primaryContactId") REFERENCES "contacts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deals" ADD CONSTRAINT "FK_384bbfa448d2c6951031c58de87" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interactions" ADD CONSTRAINT "FK_4bd626c3d2b2a872af396904bd3" FOREIGN KEY ("contactId") REFERENCES "contacts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interactions" ADD CONSTRAINT "FK_dea1c17e6221e636d8fe01259f7" FOREIGN KEY ("dealId") REFERENCES "deals"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interactions" ADD CONSTRAINT "FK_c024e046c5e3894c8e3b3caf9b7" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_3f20b08797133f636a6af39fc55" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_3539d1b65ac2fcb2c1c164aca51" FOREIGN KEY ("dealId") REFERENCES "deals"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_239dec66b26610938a98a7b7bd3" FOREIGN KEY ("managerId") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // Hand-written: case-insensitive unique email, feed order indexes, text search and trigram indexes.
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_unique" ON "users" (lower("email"))`);
    await queryRunner.query(`CREATE INDEX "activity_log_feed_idx" ON "activity_log" ("txid", "seq")`);
    await queryRunner.query(`CREATE INDEX "activity_log_entity_idx" ON "activity_log" ("entityId", "txid", "seq")`);
    await queryRunner.query(`CREATE INDEX "activity_log_actor_idx" ON "activity_log" ("actorId", "txid", "seq")`);
    await queryRunner.query(`CREATE INDEX "activity_log_owner_idx" ON "activity_log" ("ownerId", "txid", "seq")`);
    await queryRunner.query(
      `CREATE INDEX "accounts_search_idx" ON "accounts" USING gin (to_tsvector('simple', coalesce("name", '') || ' ' || coalesce("industry", '') || ' ' || coalesce("email", '') || ' ' || coalesce("website", '')))`,
    );
    await queryRunner.query(`CREATE INDEX "accounts_name_trgm_idx" ON "accounts" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(
      `CREATE INDEX "contacts_search_idx" ON "contacts" USING gin (to_tsvector('simple', coalesce("firstName", '') || ' ' || coalesce("lastName", '') || ' ' || coalesce("email", '') || ' ' || coalesce("title", '')))`,
    );
    await queryRunner.query(`CREATE INDEX "deals_search_idx" ON "deals" USING gin (to_tsvector('simple', coalesce("name", '')))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "deals_search_idx"`);
    await queryRunner.query(`DROP INDEX "contacts_search_idx"`);
    await queryRunner.query(`DROP INDEX "accounts_name_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "accounts_search_idx"`);
    await queryRunner.query(`DROP INDEX "activity_log_owner_idx"`);
    await queryRunner.query(`DROP INDEX "activity_log_actor_idx"`);
    await queryRunner.query(`DROP INDEX "activity_log_entity_idx"`);
    await queryRunner.query(`DROP INDEX "activity_log_feed_idx"`);
    await queryRunner.query(`DROP INDEX "users_email_unique"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_239dec66b26610938a98a7b7bd3"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_3539d1b65ac2fcb2c1c164aca51"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_3f20b08797133f636a6af39fc55"`);
    await queryRunner.query(`ALTER TABLE "interactions" DROP CONSTRAINT "FK_c024e046c5e3894c8e3b3caf9b7"`);
    await queryRunner.query(`ALTER TABLE "interactions" DROP CONSTRAINT "FK_dea1c17e6221e636d8fe01259f7"`);
    await queryRunner.query(`ALTER TABLE "interactions" DROP CONSTRAINT "FK_4bd626c3d2b2a872af396904bd3"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_384bbfa448d2c6951031c58de87"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_62ca7b4d6d531b14d75f1a52ccc"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_2e026650660c2d1214b59538105"`);
    await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_270a85b7f2d4b6821dc7642e6a8"`);
    await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_5363bc1655a7339414523a02fd4"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "FK_2cb7f7a1dc3b84c8cde2b930944"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_6c2e267ae764a9413b863a29342"`);
    await queryRunner.query(`ALTER TABLE "auth_tokens" DROP CONSTRAINT "FK_c25fb956ebada4b256501585cca"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_239dec66b26610938a98a7b7bd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ee53308197dc10b9f590360ed4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3f20b08797133f636a6af39fc5"`);
    await queryRunner.query(`DROP TABLE "projects"`);
    await queryRunner.query(`DROP TYPE "public"."project_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_61e47f522ea8dc11ea8605f2b6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_498a03dfe4e0a68d9c3c782a46"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5745576c4de2e6743a7b014ec"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ffc0e561d3b2c84f4de712b4a2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_20e45c5f220f852ed72b04dc38"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2f365ac37e122ce53d1e8814b8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ef9fade8e5a6dac06ef5031986"`);
    await queryRunner.query(`DROP TABLE "interactions"`);
    await queryRunner.query(`DROP TYPE "public"."interaction_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5b115ac08a1046084335391827"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_80dff2621c3258430e1831e8c4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a795c0c984a8739d46359153a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51690bebfe9b60aa675cdbdefa"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f019ecd409ea602d69d35a2f16"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_06511e9580574133a7ac6c99b7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7c4b1dba5dae2fc5bbece8101d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c6bcb29ae4f0ecbc48512261a0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d9d02e1c6a8746af7b565df55c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_62ca7b4d6d531b14d75f1a52cc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2e026650660c2d1214b5953810"`);
    await queryRunner.query(`DROP TABLE "deals"`);
    await queryRunner.query(`DROP TYPE "public"."deal_stage"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5384cb443f1b3ae52361ed6fc5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9cdca8c854f02d9691f505f0ae"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_08b3e7e91810e5b8cb684dcc80"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_49e2500e692a42616b38c9873a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6710ea5fa60f8ac0b489b9fd27"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5363bc1655a7339414523a02fd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_752866c5247ddd34fd05559537"`);
    await queryRunner.query(`DROP TABLE "contacts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_801d817435daad063a92a6f2cc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a0a539bc2dc4b0dd33db8659b1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_428f9e26938be3fe17116d2a90"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a7b6ca2da8333bd179483a1c47"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_642ba23c5f84bbba8ca9dc50e8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ee66de6cdc53993296d1ceb8aa"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9157536ee07cb6f34850f257dc"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4df1cd3ed889a9d5cdd69e5347"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_695624cb02a5da0e86cd4489c0"`);
    await queryRunner.query(`DROP TABLE "activity_log"`);
    await queryRunner.query(`DROP TYPE "public"."activity_action"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_61b9fd4b1653ad87c7e79a2746"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6c2e267ae764a9413b863a2934"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91ce1a16fa59cf1c58ac66c2df"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c25fb956ebada4b256501585cc"`);
    await queryRunner.query(`DROP TABLE "auth_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ace513fa30d485cfd25c11a9e4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51b8b26ac168fbe7d6f5653e6c"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
  }
}
