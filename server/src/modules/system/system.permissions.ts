import { declareRecordAccess } from '../../kernel/permissions/record-access';
import { allow, and, canRead, canWrite, hasRole, isAuthenticated, isSelf, or, RuleMap, viaSession } from '../../kernel/permissions/rules';
import { Role } from './user.entity';

const ALL_ROLES = Object.values(Role);
const othersThan = (...roles: Role[]) => ALL_ROLES.filter((r) => !roles.includes(r));

// Whose user and API-key records a role reads in full (and so whose sign-ins, profile and key
// changes it sees in the activity log): ADMIN and SALES_MANAGER every user (contact fields
// included), ADMIN every key; everyone else only their own. The directory fields of users stay
// public through their field rules.
declareRecordAccess('User', { all: [Role.ADMIN, Role.SALES_MANAGER], own: othersThan(Role.ADMIN, Role.SALES_MANAGER) });
declareRecordAccess('ApiKey', { all: [Role.ADMIN], own: othersThan(Role.ADMIN) });

/** Contact fields of users: the user themself, ADMIN and SALES_MANAGER. */
const userContactFields = and(isAuthenticated, or(isSelf, hasRole(Role.ADMIN, Role.SALES_MANAGER)));

export const systemPermissions: RuleMap = {
  Query: {
    me: isAuthenticated,
    users: canRead(...ALL_ROLES),
    apiKeys: isAuthenticated, // own keys; ADMIN all (scoped in the service)
    activityLog: isAuthenticated, // scoped per role in the service
  },
  Mutation: {
    login: allow,
    logout: isAuthenticated,
    createUser: canWrite(Role.ADMIN),
    updateUser: canWrite(Role.ADMIN),
    createApiKey: and(canWrite(...ALL_ROLES), viaSession),
    revokeApiKey: and(canWrite(...ALL_ROLES), viaSession),
  },
  Subscription: {
    activityLogged: isAuthenticated, // checked per subscriber at delivery
  },
  AuthPayload: { '*': allow },
  User: {
    '*': isAuthenticated,
    email: userContactFields,
    phone: userContactFields,
    lastLoginAt: userContactFields,
  },
  ApiKey: { '*': isAuthenticated }, // only reachable through the caller's own (or ADMIN's) keys
  ApiKeyWithSecret: { '*': allow },
  ApiKeyRef: { '*': isAuthenticated },
  ActivityLog: { '*': isAuthenticated },
};
