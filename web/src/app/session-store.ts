// The signed-in session survives reloads in localStorage; the token is what the API needs.
const KEY = 'converge.session';

export interface StoredSession {
  token: string;
  expiresAt: string;
}

export function readSession(): StoredSession | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredSession;
    if (!parsed.token || !parsed.expiresAt) return null;
    return parsed;
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null): void {
  if (session) window.localStorage.setItem(KEY, JSON.stringify(session));
  else window.localStorage.removeItem(KEY);
}

export function isExpired(session: StoredSession, now = Date.now()): boolean {
  return Date.parse(session.expiresAt) <= now;
}

/** The stored session when it is still valid. */
export function liveSession(): StoredSession | null {
  const s = readSession();
  return s && !isExpired(s) ? s : null;
}
