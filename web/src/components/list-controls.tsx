import { useCallback, useState } from 'react';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import type { Column } from './ListTable';

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

/** The trash view's "Restore" column: trashed records are not found by id, so they come back from the list. */
export function restoreColumn<Row, F extends string>(show: boolean, name: (row: Row) => string, onRestore: (row: Row) => void): Column<Row, F>[] {
  if (!show) return [];
  return [
    {
      id: 'restore',
      label: 'Restore',
      align: 'right',
      render: (row) => (
        <Button size="small" onClick={() => onRestore(row)} aria-label={`Restore ${name(row)}`}>
          Restore
        </Button>
      ),
    },
  ];
}

/** Switches a list between its records and its trash (`?view=trash` in the URL). */
export function TrashSwitch({ checked, onChange }: { checked: boolean; onChange(trash: boolean): void }) {
  return <FormControlLabel control={<Switch checked={checked} onChange={(e) => onChange(e.target.checked)} />} label="Trash" />;
}
