import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { AuthService, currentUser } from './auth.service';
import { User } from './user.entity';

@ObjectType({ description: 'A new session: send `token` as `Authorization: Bearer <token>`.' })
export class AuthPayload {
  @Field({ description: 'Session secret; shown only now.' }) token!: string;
  @Field({ description: 'When the session ends unless renewed by signing in again.' }) expiresAt!: Date;
  @Field(() => User, { description: 'The signed-in user.' }) user!: User;
}

@Resolver()
export class AuthResolver {
  private readonly auth = new AuthService();

  @Mutation(() => AuthPayload, { description: 'Signs in with email and password. Failed attempts are rate-limited per account and per address.' })
  login(
    @Arg('email', { description: 'Sign-in email (any case).' }) email: string,
    @Arg('password', { description: 'Password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return this.auth.login(ctx, email, password);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session (revokes its token).' })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return this.auth.logout(ctx);
  }

  @Query(() => User, { description: 'The signed-in user.' })
  me(@Ctx() ctx: Context): Promise<User> {
    return currentUser(ctx);
  }
}
