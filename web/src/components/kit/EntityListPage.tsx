import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import type { EntityEntry } from '../../app/entity';
import { describeError } from '../../app/errors';
import { PageHeader } from '../PageHeader';
import { useNotify } from '../Notifications';
import { useLoadMore } from './list-controls';
import { isFiltered } from './filters';
import { listFilters, listVariables, useFirstFetch } from './first-fetch';
import { FilterBar } from './FilterBar';
import { forgetLists } from './forget-lists';
import { EmptyList, ListTable, RowLink, type TableColumn } from './ListTable';
import { EntityFormDialog } from './EntityFormDialog';
import { useListState } from './useListState';
import { declaredVariables, useKitContext } from './useKitContext';
import { usePageTitle } from './usePageTitle';
import type { AnyRecord, Connection, EntityScreens, KitContext, ListScreen, TypeExtension } from './types';

export interface KitPageProps {
  entry: EntityEntry;
  screens: EntityScreens;
  extensions: TypeExtension;
}

/** The list's own columns the user may see, then those other types add, then the trash's Restore. */
function useColumns(
  entry: EntityEntry,
  list: ListScreen,
  extensions: TypeExtension,
  ctx: KitContext,
  rows: AnyRecord[],
  o: { trash: boolean; linked: boolean; onRestore?(row: AnyRecord): void; onEdit(row: AnyRecord): void },
) {
  const own = list.columns.filter((c) => (!c.field || ctx.caps.sees(entry.typeName, c.field)) && (c.visible?.(ctx) ?? true));
  const added = (extensions.columns ?? []).filter((c) => c.visible?.(ctx) ?? true);
  const ids = rows.map((r) => r.id);
  // One hook per added column; the set of columns is fixed for the page's lifetime.
  const cells = added.map((c) => c.useCells(ids, ctx));
  const columns: TableColumn<AnyRecord>[] = own.map((c) => ({
    ...c,
    render: (row) => {
      const content = c.render(row, ctx);
      return c.primary && o.linked && !o.trash ? <RowLink to={`${entry.path}/${row.id}`}>{content}</RowLink> : content;
    },
  }));
  added.forEach((c, i) => columns.push({ id: c.id, label: c.label, hideBelow: c.hideBelow, render: (row) => cells[i](row.id) }));
  const RowActions = list.RowActions;
  if (RowActions && !o.trash) columns.push({ id: 'actions', label: 'Actions', render: (row) => <RowActions row={row} ctx={ctx} edit={() => o.onEdit(row)} /> });
  if (o.trash && o.onRestore) {
    const restore = o.onRestore;
    columns.push({
      id: 'restore',
      label: 'Restore',
      align: 'right',
      render: (row) => (
        <Button size="small" onClick={() => restore(row)} aria-label={`Restore ${list.rowLabel(row)}`}>
          Restore
        </Button>
      ),
    });
  }
  return columns;
}

/** A type's list: header with "New …", filters in the URL, a sorted server-paged table, the trash. */
export function EntityListPage({ entry, screens, extensions }: KitPageProps) {
  const list = screens.list!;
  const type = entry.typeName;
  const ctx = useKitContext(type);
  const navigate = useNavigate();
  const notify = useNotify();
  const client = useApolloClient();
  const filters = useMemo(() => listFilters(list, ctx), [list, ctx]);
  const state = useListState(list.defaultSort, list.sorts, filters);
  const title = list.title ?? entry.labels.plural;
  usePageTitle(state.trash ? `${title} — trash` : title);
  const variables = useMemo(() => listVariables(list, ctx, filters, state.values, state.sort), [list, ctx, filters, state.values, state.sort]);
  const first = useFirstFetch(list.query, variables);
  const { data, loading, error, refetch, observable } = useQuery(list.query, { variables, notifyOnNetworkStatusChange: false, ...first });
  const connectionOf = useCallback(
    (d: unknown) =>
      list.connection ? list.connection(d) : ((d as Record<string, unknown> | undefined)?.[entry.listRoot] as Connection<AnyRecord> | undefined),
    [list, entry.listRoot],
  );
  const conn = connectionOf(data);
  const rows = conn?.edges.map((e) => e.node);
  const pageInfoNow = useCallback(() => connectionOf(observable.getCurrentResult().data)?.pageInfo, [connectionOf, observable]);
  const paging = useLoadMore(conn?.pageInfo, observable, pageInfoNow);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = editingId ? (rows?.find((r) => r.id === editingId) ?? null) : null;

  const restoreDoc = screens.documents?.restore;
  // Trashed records are not found by id, so the trash is where they come back from.
  const restore =
    restoreDoc && ctx.caps.canDelete(type)
      ? (row: AnyRecord) =>
          client
            .mutate({
              mutation: restoreDoc,
              variables: declaredVariables(restoreDoc, { id: row.id, ...list.variables?.(ctx) }),
              update: (cache) => forgetLists(cache, type),
            })
            .then(
              () => notify(`${list.rowLabel(row)} restored`),
              (err: unknown) => notify(describeError(err).message, { severity: 'error' }),
            )
      : undefined;
  const linked = entry.detailPage !== false && !!screens.detail;
  const columns = useColumns(entry, list, extensions, ctx, rows ?? [], {
    trash: state.trash,
    linked,
    onRestore: restore,
    onEdit: (row) => setEditingId(row.id),
  });

  // "Accounts" → "accounts", "API keys" stays "API keys".
  const plural = entry.labels.plural.replace(/\b[A-Z][a-z]+\b/g, (w) => w.toLowerCase());
  const filtered = isFiltered(filters, state.values);
  const empty = state.trash ? 'The trash is empty.' : filtered ? `No ${plural} match this filter.` : `No ${plural} yet.`;
  const CreateDialog = list.createDialog;
  const HeaderActions = list.HeaderActions;
  let createButton: ReactNode = null;
  if (ctx.caps.canCreate(type) && (CreateDialog || screens.form)) {
    createButton = (
      <Button variant="contained" onClick={() => setCreating(true)}>
        {list.createLabel ?? `New ${entry.labels.noun}`}
      </Button>
    );
  }

  return (
    <>
      <PageHeader
        title={state.trash ? `${title} — trash` : title}
        subtitle={list.subtitle}
        actions={
          (HeaderActions || createButton) && (
            <>
              {HeaderActions && <HeaderActions />}
              {createButton}
            </>
          )
        }
      />
      <FilterBar defs={filters} state={state} ctx={ctx} sortLabel={list.sorts[state.sort.field] ?? state.sort.field} rows={rows ?? []} />
      <ListTable
        label={title}
        columns={columns}
        rows={rows}
        sort={state.sort}
        onSort={state.setSort}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        {...paging}
        totalCount={conn?.totalCount}
        rowMuted={list.rowMuted}
        empty={<EmptyList title={empty} hint={!state.trash && !filtered ? list.emptyHint?.(ctx) : undefined} />}
      />
      {CreateDialog ? (
        <CreateDialog open={creating} onClose={() => setCreating(false)} onDone={() => setCreating(false)} />
      ) : (
        screens.form && (
          <EntityFormDialog
            typeName={type}
            screens={screens}
            open={creating || !!editing}
            record={editing}
            onClose={() => (editing ? setEditingId(null) : setCreating(false))}
            onReload={
              editing
                ? async () =>
                    ((await refetch()).data as Record<string, Connection<AnyRecord>> | undefined)?.[entry.listRoot]?.edges.find((e) => e.node.id === editing.id)
                      ?.node ?? null
                : undefined
            }
            onSaved={(rec, created) => {
              setCreating(false);
              setEditingId(null);
              if (created && linked) navigate(`${entry.path}/${rec.id}`);
            }}
          />
        )
      )}
    </>
  );
}
