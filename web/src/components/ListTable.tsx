import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from './States';
import type { Direction } from './useListUrlState';

export interface Column<Row, F extends string> {
  id: string;
  label: string;
  sortField?: F;
  render(row: Row): ReactNode;
  /** Hidden below this breakpoint (keeps phone-width tables readable). */
  hideBelow?: 'sm' | 'md';
  align?: 'left' | 'right';
}

interface Props<Row extends { id: string }, F extends string> {
  label: string;
  columns: Column<Row, F>[];
  rows: Row[] | undefined;
  sort: { field: F; direction: Direction };
  onSort(field: F): void;
  loading: boolean;
  error?: unknown;
  onRetry?(): void;
  hasMore: boolean;
  loadingMore?: boolean;
  onLoadMore(): void;
  totalCount?: number | null;
  empty: ReactNode;
  rowSx?(row: Row): object | undefined;
}

/** A server-driven list: sorting and paging are connection arguments, never client-side slicing. */
export function ListTable<Row extends { id: string }, F extends string>(p: Props<Row, F>) {
  if (p.error && !p.rows?.length) return <ErrorState error={p.error} onRetry={p.onRetry} />;
  if (p.loading && !p.rows) return <LoadingState />;
  const rows = p.rows ?? [];
  const hide = (c: Column<Row, F>) => (c.hideBelow ? { display: { xs: 'none', [c.hideBelow]: 'table-cell' } } : undefined);
  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" aria-label={p.label}>
          <TableHead>
            <TableRow>
              {p.columns.map((c) => (
                <TableCell
                  key={c.id}
                  align={c.align}
                  sx={hide(c)}
                  sortDirection={c.sortField && p.sort.field === c.sortField ? (p.sort.direction === 'ASC' ? 'asc' : 'desc') : false}
                >
                  {c.sortField ? (
                    <TableSortLabel
                      active={p.sort.field === c.sortField}
                      direction={p.sort.field === c.sortField && p.sort.direction === 'DESC' ? 'desc' : 'asc'}
                      onClick={() => p.onSort(c.sortField!)}
                    >
                      {c.label}
                    </TableSortLabel>
                  ) : (
                    c.label
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} hover sx={p.rowSx?.(row)}>
                {p.columns.map((c) => (
                  <TableCell key={c.id} align={c.align} sx={hide(c)}>
                    {c.render(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {rows.length === 0 && !p.loading && p.empty}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 1.5, borderTop: 1, borderColor: 'divider' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }} aria-live="polite">
          {p.totalCount != null ? `Showing ${rows.length} of ${p.totalCount}` : `Showing ${rows.length}`}
        </Typography>
        {p.hasMore && (
          <Button variant="outlined" size="small" onClick={p.onLoadMore} disabled={p.loadingMore}>
            {p.loadingMore ? 'Loading…' : 'Load more'}
          </Button>
        )}
      </Box>
    </Paper>
  );
}

export function EmptyList({ title, hint }: { title: string; hint?: string }) {
  return <EmptyState title={title}>{hint}</EmptyState>;
}
