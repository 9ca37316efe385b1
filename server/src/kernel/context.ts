import type { DataSource } from 'typeorm';
import type { LoginLimiter } from './auth/login-limiter';
import type { Principal } from './auth/principal';
import type { Loaders } from './loaders/loaders';

/** Per-request (or per-subscription-event) context handed to every resolver. */
export interface Context {
  requestId: string;
  ip: string;
  principal: Principal | null;
  ds: DataSource;
  loaders: Loaders;
  /** Set by the HTTP layer so `logout` can find the session. */
  token: string | null;
  /** The instance's login throttle (shared through Redis when configured). */
  loginLimiter?: LoginLimiter;
}

export function requirePrincipal(ctx: Context): Principal {
  if (!ctx.principal) throw new Error('requirePrincipal called on an anonymous context');
  return ctx.principal;
}
