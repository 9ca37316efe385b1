import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { applyPermissions, mergeRuleMaps, setActiveRules } from './kernel/permissions/apply';
import type { RuleMap } from './kernel/permissions/rules';
import { pubSub } from './kernel/pubsub/pubsub';
import { AccountResolver } from './modules/crm/account.resolver';
import { ContactResolver } from './modules/crm/contact.resolver';
import { crmPermissions } from './modules/crm/crm.permissions';
import { DealResolver } from './modules/crm/deal.resolver';
import { DealStatsResolver } from './modules/crm/deal-stats.resolver';
import { InteractionResolver } from './modules/crm/interaction.resolver';
import { SearchResolver } from './modules/crm/search.resolver';
import { ActivityLogResolver } from './modules/system/activity-log.resolver';
import { ApiKeyResolver } from './modules/system/api-key.resolver';
import { AuthResolver } from './modules/system/auth.resolver';
import { systemPermissions } from './modules/system/system.permissions';
import { UserResolver } from './modules/system/user.resolver';
import { workflowPermissions } from './modules/workflow/workflow.permissions';

export const resolvers = [
  AuthResolver, UserResolver, ApiKeyResolver, ActivityLogResolver,
  AccountResolver, ContactResolver, DealResolver, DealStatsResolver, InteractionResolver, SearchResolver,
] as const;

/** One permission map per module; merged, they must cover every field of the schema. */
export function permissionMaps(): RuleMap[] {
  return [systemPermissions, crmPermissions, workflowPermissions];
}

/** The schema as type-graphql builds it from the entity and resolver classes (no permissions). */
export function buildBareSchema(): GraphQLSchema {
  const schema = buildSchemaSync({ resolvers: resolvers as never, pubSub, validate: false, emitSchemaFile: false });
  // type-graphql gives root types no descriptions; integrators read them in the SDL.
  schema.getQueryType()!.description = 'Reads. Lists are Relay connections; lookups return null for what you may not see.';
  schema.getMutationType()!.description = 'Writes. Each one is a transaction and writes its activity-log entries in it.';
  schema.getSubscriptionType()!.description = 'Live events over graphql-ws on /graphql (authenticate in connectionParams).';
  return schema;
}

let built: GraphQLSchema | undefined;

/** The executable schema: built once, with the permission maps applied. */
export function buildAppSchema(): GraphQLSchema {
  if (built) return built;
  const schema = buildBareSchema();
  const rules = mergeRuleMaps(permissionMaps());
  setActiveRules(rules);
  built = applyPermissions(schema, rules);
  return built;
}

/** The SDL committed as schema.graphql. */
export function printAppSchema(schema: GraphQLSchema = buildBareSchema()): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
