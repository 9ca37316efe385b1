const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID, the shape of every id (anything else cannot name a record). */
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_RE.test(v);
