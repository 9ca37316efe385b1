import type { EntityManager } from 'typeorm';
import type { Context } from '../context';
import { dispatchCommitted, dispatchInTransaction, EmittedEvent, EventActor, EventType } from './domain-events';

/** A transaction plus the domain events it emitted. */
export class UnitOfWork {
  readonly events: EmittedEvent[] = [];
  readonly actor: EventActor;

  constructor(
    readonly manager: EntityManager,
    readonly ctx: Context,
  ) {
    const p = ctx.principal;
    this.actor = { userId: p?.userId ?? null, apiKeyId: p?.apiKeyId ?? null };
  }

  /** Emits a domain event: in-transaction handlers run now, commit handlers after the commit. */
  async emit<P>(type: EventType<P>, payload: P): Promise<void> {
    const event: EmittedEvent<P> = { type, payload, actor: this.actor };
    this.events.push(event as EmittedEvent);
    await dispatchInTransaction(event as EmittedEvent, { manager: this.manager, actor: this.actor, emit: (t, p) => this.emit(t, p) });
  }
}

/** Runs `fn` in one transaction; its events reach commit handlers only after the commit. */
export async function inTransaction<T>(ctx: Context, fn: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  let uow!: UnitOfWork;
  const result = await ctx.ds.transaction(async (manager) => {
    uow = new UnitOfWork(manager, ctx);
    return fn(uow);
  });
  ctx.loaders.clearAll();
  dispatchCommitted(uow.events);
  return result;
}
