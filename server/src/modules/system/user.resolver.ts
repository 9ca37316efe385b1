import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { Connection } from '../../kernel/pagination/connection.types';
import type { ConnectionShape } from '../../kernel/pagination/list';
import { User } from './user.entity';
import { CreateUserInput, UpdateUserInput, UserListArgs } from './user.inputs';
import { userService } from './user.service';

export const UserConnection = Connection(User);

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, { description: 'The user directory.' })
  users(@Args() args: UserListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<User>> {
    return userService.list(ctx, args);
  }

  @Mutation(() => User, { description: 'Creates a user (ADMIN only).' })
  createUser(@Arg('input', { description: 'The values to write.' }) input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    return userService.create(ctx, input);
  }

  @Mutation(() => User, { description: 'Changes a user’s name, phone, role or active flag (ADMIN only).' })
  updateUser(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Arg('input', { description: 'The values to write.' }) input: UpdateUserInput, @Ctx() ctx: Context): Promise<User> {
    return userService.update(ctx, id, input);
  }
}
