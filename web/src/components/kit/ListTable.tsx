import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { styled } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../States';
import type { SortState } from './types';

export interface TableColumn<Row> {
  id: string;
  label: string;
  sortField?: string;
  render(row: Row): ReactNode;
  hideBelow?: 'sm' | 'md' | 'lg';
  align?: 'left' | 'right';
}

interface Props<Row extends { id: string }> {
  label: string;
  columns: TableColumn<Row>[];
  rows: Row[] | undefined;
  sort: SortState;
  onSort(field: string): void;
  loading: boolean;
  error?: unknown;
  onRetry?(): void;
  hasMore: boolean;
  loadingMore?: boolean;
  onLoadMore(): void;
  totalCount?: number | null;
  empty: ReactNode;
  /** A row shown greyed out (a revoked key, a deactivated user). */
  rowMuted?(row: Row): boolean;
}

type Breakpoint = NonNullable<TableColumn<unknown>['hideBelow']>;
const BREAKPOINTS: Breakpoint[] = ['sm', 'md', 'lg'];

/**
 * The rows and cells of every list, styled once here rather than as an MUI TableRow and TableCell
 * each: a page of 25 rows was some 180 styled components whose styles were computed on every render,
 * the larger part of building a list's first screen. They look and behave as MUI's small body cells
 * and hover rows; a cell's alignment and breakpoint travel as data attributes, and the header's
 * cells hide below their breakpoint by the same rule.
 */
const ListTableRoot = styled(Table)(({ theme }) => {
  const border =
    theme.palette.mode === 'light' ? theme.lighten(theme.alpha(theme.palette.divider, 1), 0.88) : theme.darken(theme.alpha(theme.palette.divider, 1), 0.68);
  const hidden = Object.fromEntries(BREAKPOINTS.map((bp) => [theme.breakpoints.down(bp), { [`& [data-hide-below="${bp}"]`]: { display: 'none' } }]));
  return {
    '& > tbody > tr': { color: 'inherit', display: 'table-row', verticalAlign: 'middle', outline: 0 },
    '& > tbody > tr:hover': { backgroundColor: theme.palette.action.hover },
    '& > tbody > tr > td': {
      ...theme.typography.body2,
      display: 'table-cell',
      verticalAlign: 'inherit',
      borderBottom: `1px solid ${border}`,
      textAlign: 'left',
      padding: '6px 16px',
      color: theme.palette.text.primary,
    },
    '& > tbody > tr > td[data-align="right"]': { textAlign: 'right' },
    '& > tbody > tr[data-muted] > td': { color: theme.palette.text.secondary },
    // RowLink, as MUI's Link draws it.
    '& a[data-row-link]': {
      color: theme.palette.primary.main,
      textDecoration: 'underline',
      textDecorationColor: theme.alpha(theme.palette.primary.main, 0.4),
      '&:hover': { textDecorationColor: 'inherit' },
    },
    ...hidden,
  };
});

/** A link from a list's cell to a record, drawn by the table's rules (no styled component per row). */
export function RowLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <RouterLink to={to} data-row-link="">
      {children}
    </RouterLink>
  );
}

/**
 * A server-driven list: sorting and paging are connection arguments, never client-side slicing. The
 * rows scroll under a sticky header; the scroll box stays mounted while the rows refresh, so a live
 * update keeps the reader's place.
 */
export function ListTable<Row extends { id: string }>(p: Props<Row>) {
  if (p.error && !p.rows?.length) return <ErrorState error={p.error} onRetry={p.onRetry} />;
  if (p.loading && !p.rows) return <LoadingState />;
  const rows = p.rows ?? [];
  return (
    <Paper variant="outlined">
      <TableContainer data-list-scroll sx={{ maxHeight: { md: 'calc(100vh - 250px)' } }}>
        <ListTableRoot size="small" stickyHeader aria-label={p.label}>
          <TableHead>
            <TableRow>
              {p.columns.map((c) => (
                <TableCell
                  key={c.id}
                  align={c.align}
                  data-hide-below={c.hideBelow}
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
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-muted={p.rowMuted?.(row) || undefined}>
                {p.columns.map((c) => (
                  <td key={c.id} data-align={c.align} data-hide-below={c.hideBelow}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ListTableRoot>
        {rows.length === 0 && !p.loading && p.empty}
      </TableContainer>
      <ListFooter shown={rows.length} totalCount={p.totalCount} hasMore={p.hasMore} loadingMore={p.loadingMore} onLoadMore={p.onLoadMore} />
    </Paper>
  );
}

/** Under a list: how many rows of how many are shown, and "Load more" while there are more. */
export function ListFooter(p: { shown: number; totalCount?: number | null; hasMore: boolean; loadingMore?: boolean; onLoadMore(): void }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 1.5, borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }} aria-live="polite">
        {p.totalCount != null ? `Showing ${p.shown} of ${p.totalCount}` : `Showing ${p.shown}`}
      </Typography>
      {p.hasMore && (
        <Button variant="outlined" size="small" onClick={p.onLoadMore} disabled={p.loadingMore}>
          {p.loadingMore ? 'Loading…' : 'Load more'}
        </Button>
      )}
    </Box>
  );
}

export function EmptyList({ title, hint }: { title: string; hint?: string }) {
  return <EmptyState title={title}>{hint}</EmptyState>;
}
