import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { config } from '../../config/env';
import { serverSecret } from '../secrets/server-secrets';

/** Where downloads are served; the link itself is the credential, so no Authorization header is needed. */
export const DOCUMENTS_PATH = '/documents';
/** Long enough to start a download, short enough that a leaked link soon stops working. */
export const LINK_TTL_SECONDS = 300;

const keys = new WeakMap<DataSource, Promise<Buffer>>();

// One secret per deployment, kept in the database so every instance signs and checks alike;
// derived, so the stored secret keys nothing but this derivation.
function signingKey(ds: DataSource): Promise<Buffer> {
  let key = keys.get(ds);
  if (!key) {
    key = serverSecret(ds, 'document-links').then((secret) => createHmac('sha256', secret).update('converge document links v1').digest());
    key.catch(() => keys.delete(ds)); // a failed read is tried again next time
    keys.set(ds, key);
  }
  return key;
}

const signature = (key: Buffer, id: string, expires: number) => createHmac('sha256', key).update(`${id}:${expires}`).digest();

/** A download link for a document, valid for LINK_TTL_SECONDS; absolute when PUBLIC_URL is configured. */
export async function documentLink(ds: DataSource, id: string, now = Date.now()): Promise<string> {
  const expires = Math.floor(now / 1000) + LINK_TTL_SECONDS;
  const sig = signature(await signingKey(ds), id, expires).toString('base64url');
  const link = `${DOCUMENTS_PATH}/${encodeURIComponent(id)}?expires=${expires}&sig=${sig}`;
  const base = config().PUBLIC_URL;
  return base ? `${base.replace(/\/+$/, '')}${link}` : link;
}

/** Whether a link's `expires` and `sig` were issued by this deployment for `id` and have not expired. */
export async function checkDocumentLink(ds: DataSource, id: string, expires: unknown, sig: unknown, now = Date.now()): Promise<boolean> {
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof sig !== 'string' || !/^[\w-]{43}$/.test(sig)) return false;
  const want = signature(await signingKey(ds), id, Number(expires));
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== want.length || !timingSafeEqual(given, want)) return false;
  return Number(expires) * 1000 > now;
}
