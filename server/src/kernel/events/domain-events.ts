import type { EntityManager } from 'typeorm';

/**
 * A kind of domain event with its payload type. Services emit events inside their unit of work;
 * handlers subscribe by type: in the transaction (activity log, the outbox, follow-up records such
 * as a won deal's project) or after the commit.
 */
export interface EventType<P> {
  readonly name: string;
  /** Type marker only; never set. */
  readonly payload?: P;
}

export function defineEvent<P>(name: string): EventType<P> {
  return { name };
}

export interface EventActor {
  userId: string | null;
  apiKeyId: string | null;
}

export interface EmittedEvent<P = unknown> {
  type: EventType<P>;
  payload: P;
  actor: EventActor;
}

/** What a handler inside the transaction gets: the transaction, the actor, and a way to emit more. */
export interface EventScope {
  manager: EntityManager;
  actor: EventActor;
  emit<Q>(type: EventType<Q>, payload: Q): Promise<void>;
}

type TxHandler = (payload: never, scope: EventScope) => Promise<void>;
type CommitHandler = (payload: never, actor: EventActor) => void;

const txHandlers = new Map<string, TxHandler[]>();
const commitHandlers = new Map<string, CommitHandler[]>();

function add<H>(map: Map<string, H[]>, name: string, handler: H): () => void {
  const list = map.get(name) ?? [];
  list.push(handler);
  map.set(name, list);
  return () => {
    const i = list.indexOf(handler);
    if (i >= 0) list.splice(i, 1);
  };
}

/** Runs inside the emitting transaction: a failure rolls the whole change back. */
export function onEventInTransaction<P>(type: EventType<P>, handler: (payload: P, scope: EventScope) => Promise<void>): () => void {
  return add(txHandlers, type.name, handler as TxHandler);
}

/** Runs once the transaction has committed; never for a rollback. */
export function onEventCommitted<P>(type: EventType<P>, handler: (payload: P, actor: EventActor) => void): () => void {
  return add(commitHandlers, type.name, handler as CommitHandler);
}

export async function dispatchInTransaction(event: EmittedEvent, scope: EventScope): Promise<void> {
  for (const h of [...(txHandlers.get(event.type.name) ?? [])]) await h(event.payload as never, scope);
}

const anyCommit: ((events: EmittedEvent[]) => void)[] = [];

/** Runs after every committed transaction that emitted events (wakes the feed and the job dispatcher). */
export function onAnyCommitted(handler: (events: EmittedEvent[]) => void): () => void {
  anyCommit.push(handler);
  return () => {
    const i = anyCommit.indexOf(handler);
    if (i >= 0) anyCommit.splice(i, 1);
  };
}

export function dispatchCommitted(events: EmittedEvent[]): void {
  if (!events.length) return;
  for (const e of events) for (const h of [...(commitHandlers.get(e.type.name) ?? [])]) h(e.payload as never, e.actor);
  for (const h of [...anyCommit]) h(events);
}
