import { Field, ObjectType } from 'type-graphql';
import { ALL_ROLES, Role } from '../auth/role';
import type { Context } from '../context';
import { registerEnum } from '../enums';
import { registerStructuralType } from '../permissions/apply';
import { policyOf, type Scope } from './policy';
import type { RecordKind } from './record-kind';

export enum AccessScope {
  ALL = 'ALL',
  OWN = 'OWN',
  NONE = 'NONE',
}
registerEnum(AccessScope, 'AccessScope', 'Which records an action applies to: every one, those you hold (own, are assigned), or none.');

@ObjectType({ description: 'What you may do with one entity type (the server enforces the same rules).' })
export class EntityCapability {
  @Field({ description: 'GraphQL type name, e.g. "Account".' }) entityType!: string;
  @Field(() => AccessScope, { description: 'Which records you may read.' }) read!: Scope;
  @Field({ description: 'Whether you may create such records.' }) create!: boolean;
  @Field(() => AccessScope, { description: 'Which records you may change.' }) update!: Scope;
  @Field(() => AccessScope, { description: 'Which records you may move to the trash and restore (NONE for types without a trash).' }) delete!: Scope;
  @Field({ description: 'Whether you may give records to other owners.' }) assignOwner!: boolean;
  @Field(() => [String], { description: 'Fields of the type you may not read (they resolve to null with FORBIDDEN).' }) hiddenFields!: string[];
  @Field(() => [Role], {
    description: 'Roles whose users may own or be assigned such records (the server refuses anyone else); empty for types without an owner.',
  })
  holderRoles!: Role[];
}
registerStructuralType('EntityCapability');

/** The caller's capabilities per record kind, from the same policies the server enforces. */
export function capabilitiesFor(ctx: Context, kinds: readonly RecordKind[]): EntityCapability[] {
  const p = ctx.principal;
  if (!p) return [];
  return kinds.map((kind) => {
    const policy = policyOf(kind.typeName) ?? kind.policy;
    const read = policy.readScope(p.role);
    const writable = !p.readOnly && read !== 'NONE';
    const update = writable ? policy.writeScope(p.role) : 'NONE';
    return {
      entityType: kind.typeName,
      read,
      create: writable && policy.creators().includes(p.role as never),
      update,
      delete: writable && kind.capabilities.trash ? policy.writeScope(p.role) : 'NONE',
      assignOwner: writable && kind.capabilities.owned && policy.canAssign(p),
      hiddenFields: read === 'NONE' ? [] : policy.guardedFields().filter((f) => !policy.canReadField(f, null, ctx)),
      // The same for every caller: a fact of the type, which the owner and assignee pickers follow.
      holderRoles: kind.capabilities.owned ? ALL_ROLES.filter((r) => policy.canHold(r)) : [],
    };
  });
}
