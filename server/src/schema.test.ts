import fs from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isScalarType, isSpecifiedScalarType, GraphQLSchema } from 'graphql';
import { buildBareSchema, printAppSchema } from './schema';

let schema: GraphQLSchema;
beforeAll(() => {
  schema = buildBareSchema();
});

describe('schema', () => {
  it('matches the committed schema.graphql (run `npm run schema:emit` after changing the API)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(printAppSchema(schema)).toBe(committed);
  });

  it('describes every type, field, argument and enum value an integrator sees', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses the contract names integrators depend on', () => {
    const q = schema.getQueryType()!.getFields();
    const m = schema.getMutationType()!.getFields();
    for (const f of [
      'me',
      'users',
      'account',
      'accounts',
      'contact',
      'contacts',
      'deal',
      'deals',
      'interaction',
      'interactions',
      'activityLog',
      'search',
      'apiKeys',
    ])
      expect(q[f]).toBeDefined();
    for (const f of [
      'login',
      'logout',
      'createUser',
      'updateUser',
      'createApiKey',
      'revokeApiKey',
      'createAccount',
      'updateAccount',
      'deleteAccount',
      'restoreAccount',
      'createContact',
      'updateContact',
      'deleteContact',
      'restoreContact',
      'createDeal',
      'updateDeal',
      'deleteDeal',
      'restoreDeal',
      'moveDealStage',
      'reopenDeal',
      'createInteraction',
      'updateInteraction',
      'deleteInteraction',
      'restoreInteraction',
      'createAccounts',
      'createContacts',
    ])
      expect(m[f]).toBeDefined();
    expect(schema.getSubscriptionType()!.getFields().activityLogged).toBeDefined();
    expect(String(q.accounts.type)).toBe('AccountConnection!');
    expect(q.accounts.args.map((a) => a.name).sort()).toEqual(['after', 'before', 'filter', 'first', 'last', 'orderBy']);
    expect(String(m.createAccounts.type)).toBe('AccountBatchResult!');
    expect(isEnumType(schema.getType('SearchType'))).toBe(true);
  });
});
