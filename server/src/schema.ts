import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { manifests, recordKinds, ruleMaps } from './application';
import { applyPermissions, mergeRuleMaps } from './kernel/permissions/apply';
import type { RuleMap } from './kernel/permissions/rules';
import { createLocalPubSub, PubSub } from './kernel/pubsub/pubsub';
import { recordResolvers } from './kernel/records/record.resolver';
import { searchFor } from './kernel/records/search';

/** Every resolver: the kit's generated ones per record kind, search, and the modules' own. */
export function resolvers(): Function[] {
  const kinds = recordKinds();
  // List inputs refer to each other (relation filters): all exist before the schema is generated.
  for (const k of kinds) if (k.capabilities.list) k.listInputs();
  return [...kinds.flatMap(recordResolvers), ...searchFor(kinds).resolvers, ...manifests().flatMap((m) => m.resolvers ?? [])];
}

/** The merged rule maps; they must cover every field of the schema. */
export function permissionMaps(): RuleMap[] {
  resolvers(); // generated types (connections, batch results) register as structural on the way
  return [...ruleMaps(), searchFor(recordKinds()).rules];
}

/**
 * The schema as type-graphql builds it from the entity and resolver classes (no permissions).
 * Subscriptions listen on `pubSub`: each API instance passes its own.
 */
export function buildBareSchema(pubSub: PubSub = createLocalPubSub()): GraphQLSchema {
  const schema = buildSchemaSync({ resolvers: resolvers() as never, pubSub, validate: false, emitSchemaFile: false });
  // type-graphql gives root types no descriptions; integrators read them in the SDL.
  schema.getQueryType()!.description = 'Reads. Lists are Relay connections; lookups return null for what you may not see.';
  schema.getMutationType()!.description = 'Writes. Each one is a transaction and writes its activity-log entries in it.';
  schema.getSubscriptionType()!.description = 'Live events over graphql-ws on /graphql (authenticate in connectionParams).';
  return schema;
}

let rules: RuleMap | undefined;

/** The executable schema of one API instance: its subscriptions on `pubSub`, with the permission maps applied. */
export function buildAppSchema(pubSub: PubSub): GraphQLSchema {
  rules ??= mergeRuleMaps(permissionMaps());
  return applyPermissions(buildBareSchema(pubSub), rules);
}

/** The SDL committed as schema.graphql. */
export function printAppSchema(schema: GraphQLSchema = buildBareSchema()): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
