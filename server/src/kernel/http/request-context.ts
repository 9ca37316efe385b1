import { AsyncLocalStorage } from 'node:async_hooks';

/** The request id of the HTTP request being served (for logs and masked errors). */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();
export const currentRequestId = () => requestScope.getStore()?.requestId;
