import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Context } from '../context';
import { Loaders } from '../loaders/loaders';

/**
 * A context for work the system does on its own (job handlers, provider callbacks): no principal,
 * so activity entries it writes carry no actor.
 */
export function systemContext(ds: DataSource): Context {
  return { requestId: randomUUID(), ip: '', principal: null, ds, loaders: new Loaders(), token: null };
}
