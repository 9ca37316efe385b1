import 'reflect-metadata';
import { permissionMaps } from '../../schema';
import type { Context } from '../context';
import { compileRule, mergeRuleMaps } from './apply';
import { declaredTypes, readersOf, readReach, recordAccessOf, typesReadBy } from './record-access';

// The declared read access of each type is what its read rule lets in, so the activity log's
// visibility (which follows the declarations) and the GraphQL rules cannot disagree.

const ROLES = ['ADMIN', 'SALES_MANAGER', 'SALES_REP', 'ACCOUNTANT', 'DISPATCHER', 'TECHNICIAN'];
const as = (role: string) => ({ principal: { userId: 'u-1', name: 'T', role, sessionId: 's-1', apiKeyId: null, apiKeyName: null, readOnly: false, expiresAt: null } }) as unknown as Context;
const rules = mergeRuleMaps(permissionMaps());
const passes = (type: string, field: string, role: string) => compileRule(rules[type][field])(undefined, {}, as(role), undefined) === true;

describe('declared read access', () => {
  it('is declared for every type the activity log records today', () => {
    expect(declaredTypes()).toEqual(expect.arrayContaining(['Account', 'ApiKey', 'Contact', 'Deal', 'Interaction', 'Project', 'User']));
  });

  it.each(declaredTypes())('%s: its type rule lets in exactly the declared readers', (type) => {
    const readers = readersOf(recordAccessOf(type)!);
    for (const role of ROLES) expect([role, passes(type, '*', role)]).toEqual([role, readers.includes(role)]);
  });

  it.each([['account', 'Account'], ['contact', 'Contact'], ['deal', 'Deal'], ['interaction', 'Interaction']])('Query.%s follows %s’s declaration', (field, type) => {
    const readers = readersOf(recordAccessOf(type)!);
    for (const role of ROLES) expect([role, passes('Query', field, role)]).toEqual([role, readers.includes(role)]);
  });

  it('reads an undeclared type for no one, and tells whole from own-records reach', () => {
    expect(ROLES.map((r) => readReach(r, 'Invoice'))).toEqual(ROLES.map(() => null));
    expect(readReach('DISPATCHER', 'Account')).toBe('all');
    expect(readReach('DISPATCHER', 'Deal')).toBeNull();
    expect(readReach('SALES_REP', 'Deal')).toBe('own');
    expect(typesReadBy('TECHNICIAN')).toEqual({ all: [], own: expect.arrayContaining(['User', 'ApiKey']) });
    expect(typesReadBy('TECHNICIAN').own).toHaveLength(2);
  });
});
