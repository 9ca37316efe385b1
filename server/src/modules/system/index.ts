import { and, isAuthenticated, isSelf, allow } from '../../kernel/permissions/rules';
import { provideUserDirectory } from '../../kernel/records/directory';
import { providePlannedRoot } from '../../kernel/plans/plan';
import { defineModule } from '../../kernel/modules/module-manifest';
import { ActivityActorResolver } from './activity-actor.resolver';
import { ApiKey, apiKeys } from './api-key.entity';
import { ApiKeyResolver } from './api-key.resolver';
import { AuthResolver } from './auth.resolver';
import { AuthToken } from './auth-token.entity';
import { CapabilitiesResolver } from './capabilities.resolver';
import { jobPermissions } from './jobs.permissions';
import { JobsResolver } from './jobs.resolver';
import { User, users } from './user.entity';

export { User, users } from './user.entity';
export { ApiKey, apiKeys } from './api-key.entity';
export { resolvePrincipal, resolvePrincipals, sessionFingerprint } from './auth.service';

/** Users, sign-in and sessions, API keys, and job administration. */
export const manifest = defineModule({
  name: 'system',
  entities: [User, AuthToken, ApiKey],
  records: [users, apiKeys],
  resolvers: [AuthResolver, ApiKeyResolver, ActivityActorResolver, CapabilitiesResolver, JobsResolver],
  rules: {
    Query: { me: isAuthenticated, ...jobPermissions.Query },
    Mutation: {
      login: allow,
      logout: isAuthenticated,
      createApiKey: apiKeys.commandRule(),
      revokeApiKey: apiKeys.commandRule(),
      ...jobPermissions.Mutation,
    },
    User: { capabilities: and(isAuthenticated, isSelf) },
    AuthPayload: { '*': allow },
    ApiKeyWithSecret: { '*': allow },
    ApiKeyRef: { '*': isAuthenticated },
    ...Object.fromEntries(Object.entries(jobPermissions).filter(([t]) => t !== 'Query' && t !== 'Mutation')),
  },
  register() {
    provideUserDirectory({ type: () => User, load: (ctx, id) => users.service.loader(ctx).load(id) });
    // `me` is the user row loaded with the token (as its resolver answers), so a plan needs no statement for it.
    providePlannedRoot('me', (ctx) => (ctx.principal?.profile ? Object.assign(new User(), ctx.principal.profile) : undefined));
  },
});
