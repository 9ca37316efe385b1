import type { EntityManager } from 'typeorm';
import type { Context } from '../context';
import { dispatchCommitted, dispatchInTransaction, DomainEvent, EmittedEvent } from './domain-events';

/** A transaction plus the domain events it emitted. */
export class UnitOfWork {
  readonly events: EmittedEvent[] = [];
  constructor(readonly manager: EntityManager, private readonly ctx: Context) {}

  /** Emits a domain event: in-transaction handlers (activity log) run now, the rest after commit. */
  async emit(event: DomainEvent): Promise<void> {
    const p = this.ctx.principal;
    const emitted: EmittedEvent = { ...event, actor: { userId: p?.userId ?? null, apiKeyId: p?.apiKeyId ?? null } };
    await dispatchInTransaction(this.manager, emitted);
    this.events.push(emitted);
  }
}

/** Runs `fn` in one transaction; its events are published only after the commit. */
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
