import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { applyPermissions, mergeRuleMaps, setActiveRules } from './kernel/permissions/apply';
import type { RuleMap } from './kernel/permissions/rules';
import { createLocalPubSub, PubSub } from './kernel/pubsub/pubsub';
import { AccountResolver } from './modules/crm/account.resolver';
import { ContactResolver } from './modules/crm/contact.resolver';
import { crmPermissions } from './modules/crm/crm.permissions';
import { DealResolver } from './modules/crm/deal.resolver';
import { DealStatsResolver } from './modules/crm/deal-stats.resolver';
import { InteractionResolver } from './modules/crm/interaction.resolver';
import { messagingPermissions } from './modules/messaging/messaging.permissions';
import { SmsResolver } from './modules/messaging/sms.resolver';
import { SearchResolver } from './modules/crm/search.resolver';
import { ActivityLogResolver } from './modules/system/activity-log.resolver';
import { ApiKeyResolver } from './modules/system/api-key.resolver';
import { jobPermissions } from './modules/system/jobs.permissions';
import { JobsResolver } from './modules/system/jobs.resolver';
import { AuthResolver } from './modules/system/auth.resolver';
import { systemPermissions } from './modules/system/system.permissions';
import { UserResolver } from './modules/system/user.resolver';
import { workflowPermissions } from './modules/workflow/workflow.permissions';

export const resolvers = [
  AuthResolver, UserResolver, ApiKeyResolver, ActivityLogResolver, JobsResolver,
  AccountResolver, ContactResolver, DealResolver, DealStatsResolver, InteractionResolver, SearchResolver, SmsResolver,
] as const;

/** One permission map per module; merged, they must cover every field of the schema. */
export function permissionMaps(): RuleMap[] {
  return [systemPermissions, jobPermissions, crmPermissions, workflowPermissions, messagingPermissions];
}

/**
 * The schema as type-graphql builds it from the entity and resolver classes (no permissions).
 * Subscriptions listen on `pubSub`: each API instance passes its own.
 */
export function buildBareSchema(pubSub: PubSub = createLocalPubSub()): GraphQLSchema {
  const schema = buildSchemaSync({ resolvers: resolvers as never, pubSub, validate: false, emitSchemaFile: false });
  // type-graphql gives root types no descriptions; integrators read them in the SDL.
  schema.getQueryType()!.description = 'Reads. Lists are Relay connections; lookups return null for what you may not see.';
  schema.getMutationType()!.description = 'Writes. Each one is a transaction and writes its activity-log entries in it.';
  schema.getSubscriptionType()!.description = 'Live events over graphql-ws on /graphql (authenticate in connectionParams).';
  return schema;
}

let rules: RuleMap | undefined;

/** The executable schema of one API instance: its subscriptions on `pubSub`, with the permission maps applied. */
export function buildAppSchema(pubSub: PubSub): GraphQLSchema {
  if (!rules) {
    rules = mergeRuleMaps(permissionMaps());
    setActiveRules(rules);
  }
  return applyPermissions(buildBareSchema(pubSub), rules);
}

/** The SDL committed as schema.graphql. */
export function printAppSchema(schema: GraphQLSchema = buildBareSchema()): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
