import { useCallback, useState } from 'react';

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** "Load more" for a connection: fetches the page after the last cursor (the cache merges it). */
export function useLoadMore(pageInfo: PageInfo | undefined, fetchMore: (options: { variables: { after: string } }) => Promise<unknown>) {
  const [loadingMore, setLoadingMore] = useState(false);
  const cursor = pageInfo?.endCursor;
  const onLoadMore = useCallback(() => {
    if (!cursor) return;
    setLoadingMore(true);
    void fetchMore({ variables: { after: cursor } }).finally(() => setLoadingMore(false));
  }, [cursor, fetchMore]);
  return { hasMore: !!pageInfo?.hasNextPage, loadingMore, onLoadMore };
}
