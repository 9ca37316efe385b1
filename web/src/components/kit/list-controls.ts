import { useCallback, useState } from 'react';

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

// A list's page fetches and its live refreshes take turns. A refresh of the first page that lands
// after "Load more" would replace the pages just merged (and one that starts before it would fetch
// too few rows), so each waits for the one before and reads the rows shown when its turn comes.
const turns = new WeakMap<object, Promise<unknown>>();

/** Runs `task` after every earlier paging task of the same query has settled. */
export function inTurn<T>(query: object, task: () => Promise<T>): Promise<T> {
  const run = (turns.get(query) ?? Promise.resolve()).then(task, task);
  turns.set(
    query,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * "Load more" for a connection: fetches the page after the last cursor (the cache merges it). The
 * cursor is read when the fetch's turn comes, so a refresh that ran first is paged on from.
 */
export function useLoadMore(
  pageInfo: PageInfo | undefined,
  query: { fetchMore(options: { variables: { after: string } }): Promise<unknown> },
  pageInfoNow: () => { endCursor?: string | null } | undefined,
) {
  const [loadingMore, setLoadingMore] = useState(false);
  const onLoadMore = useCallback(() => {
    setLoadingMore(true);
    void inTurn(query, async () => {
      const cursor = pageInfoNow()?.endCursor;
      if (cursor) await query.fetchMore({ variables: { after: cursor } });
    }).finally(() => setLoadingMore(false));
  }, [query, pageInfoNow]);
  return { hasMore: !!pageInfo?.hasNextPage && !!pageInfo.endCursor, loadingMore, onLoadMore };
}
