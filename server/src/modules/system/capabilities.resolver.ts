import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { capabilitiesFor, EntityCapability } from '../../kernel/records/capabilities';
import { allRecordKinds } from '../../kernel/records/record-kind';
import { User } from './user.entity';

@Resolver(() => User)
export class CapabilitiesResolver {
  @FieldResolver(() => [EntityCapability], {
    nullable: true,
    description:
      'What you may do per entity type: only on your own user (`me { capabilities }`), null with FORBIDDEN on anyone else; the screens follow it, the server enforces the same rules.',
  })
  capabilities(@Root() _user: User, @Ctx() ctx: Context): EntityCapability[] {
    return capabilitiesFor(ctx, allRecordKinds());
  }
}
