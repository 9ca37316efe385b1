import { email, length, maxLength, phone, required, type Check, type Rules } from '../../components/validation';
import type { Role } from '../../gql/graphql';
import { ROLE_LABELS } from '../../app/roles';

// Mirrors CreateUserInput / UpdateUserInput on the server (user.inputs.ts).
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Passwords are taken as typed (spaces count), like the server's @Length(10, 200). */
export const password: Check = (v) => (v.length < PASSWORD_MIN || v.length > PASSWORD_MAX ? `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` : null);

export const role: Check = (v) => (v in ROLE_LABELS ? null : 'is required');

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export type CreateKey = 'email' | 'name' | 'role' | 'password' | 'phone';
export type EditKey = 'name' | 'role' | 'phone';

export const createRules: Rules<CreateKey> = {
  email: [required, maxLength(254), email],
  name: [required, length(1, 200)],
  role: [role],
  password: [password],
  phone: [phone],
};

export const editRules: Rules<EditKey> = {
  name: [required, length(1, 200)],
  role: [role],
  phone: [phone],
};
