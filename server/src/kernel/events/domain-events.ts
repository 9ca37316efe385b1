import type { EntityManager } from 'typeorm';

/** Something that happened to an entity; every write emits one inside its transaction. */
export interface DomainEvent {
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  /** The entity's owner at that moment (decides who may see the log entry). */
  ownerId: string | null;
  changes: Record<string, unknown>;
}

export interface EventActor {
  userId: string | null;
  apiKeyId: string | null;
}

export interface EmittedEvent extends DomainEvent {
  actor: EventActor;
}

type TxHandler = (manager: EntityManager, event: EmittedEvent) => Promise<void>;
type CommitHandler = (event: EmittedEvent) => void;

const txHandlers: TxHandler[] = [];
const commitHandlers: CommitHandler[] = [];

/** Handlers that run inside the writing transaction (activity log, outbox). */
export function onEventInTransaction(handler: TxHandler): () => void {
  txHandlers.push(handler);
  return () => txHandlers.splice(txHandlers.indexOf(handler), 1);
}

/** Handlers that run once the transaction has committed (pub/sub); never for a rollback. */
export function onEventCommitted(handler: CommitHandler): () => void {
  commitHandlers.push(handler);
  return () => commitHandlers.splice(commitHandlers.indexOf(handler), 1);
}

export async function dispatchInTransaction(manager: EntityManager, event: EmittedEvent): Promise<void> {
  for (const h of [...txHandlers]) await h(manager, event);
}

export function dispatchCommitted(events: EmittedEvent[]): void {
  for (const e of events) for (const h of [...commitHandlers]) h(e);
}
