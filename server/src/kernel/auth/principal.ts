/** Who is calling: the signed-in user, and the API key or session used. */
export interface Principal {
  userId: string;
  name: string;
  role: string;
  sessionId: string | null;
  apiKeyId: string | null;
  apiKeyName: string | null;
  readOnly: boolean;
  expiresAt: Date | null;
  /** The caller's own user row as loaded with the token, when available. */
  profile?: Record<string, unknown>;
}
