import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import { PageHeader } from '../PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../States';
import { DetailFields } from './DetailFields';
import { EntityFormDialog } from './EntityFormDialog';
import type { KitPageProps } from './EntityListPage';
import { detailVariables, useFirstFetch } from './first-fetch';
import { forgetLists } from './forget-lists';
import { Timeline } from './Timeline';
import { useDeleteWithUndo } from './useDeleteWithUndo';
import { declaredVariables, useKitContext } from './useKitContext';
import { usePageTitle } from './usePageTitle';
import type { AnyRecord } from './types';

/** A type's lookup field: "Account" → `account`, "ApiKey" → `apiKey`. */
const rootOf = (type: string) => type.charAt(0).toLowerCase() + type.slice(1);

/** A record's page: its fields, history, related records and what other types add; edit and delete with Undo. */
export function EntityDetailPage({ entry, screens, extensions }: KitPageProps) {
  const detail = screens.detail!;
  const type = entry.typeName;
  const { id = '' } = useParams();
  const ctx = useKitContext(type);
  const navigate = useNavigate();
  const client = useApolloClient();
  const [editing, setEditing] = useState(false);
  const extra = detail.variables?.(ctx) ?? {};
  const variables = detailVariables(screens, ctx, id);
  const first = useFirstFetch(detail.query, variables);
  const { data, loading, error, refetch } = useQuery(detail.query, { variables, ...first });
  const recordOf = (d: unknown) =>
    (detail.record ? detail.record(d) : (d as Record<string, AnyRecord | null> | undefined)?.[rootOf(type)]) as AnyRecord | null | undefined;
  const rec = recordOf(data);
  const reload = () => refetch();
  // Called on every render (the descriptor's hook), before any early return.
  const extras = detail.useExtras?.(rec ?? null, reload) ?? {};
  const deleteWithUndo = useDeleteWithUndo();
  usePageTitle(rec ? detail.title(rec) : loading ? entry.labels.plural : detail.notFound);

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!rec) return <EmptyState title={detail.notFound}>It may have been deleted, or you may not have access to it.</EmptyState>;

  const title = detail.title(rec);
  const live = !rec.deletedAt;
  const docs = screens.documents ?? {};
  const changeable = live && (detail.changeable?.(rec) ?? true);
  const editable = changeable && !!screens.form && ctx.caps.canUpdate(type, rec);
  const deletable = changeable && !!docs.delete && ctx.caps.canDelete(type, rec);
  const remove = () => {
    const restoreDoc = docs.restore;
    return deleteWithUndo({
      label: title,
      remove: () => client.mutate({ mutation: docs.delete!, variables: { id }, update: (cache) => forgetLists(cache, type) }),
      restore: () =>
        restoreDoc
          ? client.mutate({ mutation: restoreDoc, variables: declaredVariables(restoreDoc, { id, ...extra }), update: (cache) => forgetLists(cache, type) })
          : Promise.resolve(),
      // A trashed record is not found by id: the page gives way to the list, and Undo comes back.
      onDeleted: () => navigate(entry.path ?? '/'),
      onRestored: () => navigate(`${entry.path}/${id}`),
    });
  };
  const actions = (extensions.actions ?? []).filter((a) => a.visible?.(ctx, rec) ?? true);
  const sections = [
    ...(detail.sections?.(rec, ctx) ?? []),
    ...(extensions.sections ?? [])
      .filter((s) => s.visible?.(ctx, rec) ?? true)
      .map((s) => ({ id: s.id, wide: s.wide, node: <s.Component record={rec} typeName={type} ctx={ctx} /> })),
  ];
  const History = detail.History;
  const fields = detail.fields(rec, ctx).filter((f) => !f.field || ctx.caps.sees(type, f.field));

  return (
    <>
      <PageHeader
        title={title}
        subtitle={detail.subtitle?.(rec, ctx)}
        actions={
          <>
            {extras.actions}
            {live && actions.map((a) => <a.Component key={a.id} record={rec} typeName={type} ctx={ctx} />)}
            {editable && (
              <Button variant="outlined" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            {deletable && (
              <Button color="error" variant="outlined" onClick={() => void remove()}>
                Delete
              </Button>
            )}
          </>
        }
      />
      {extras.notices}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <DetailFields fields={fields.map((f) => [f.label, f.value])} />
        </Grid>
        {(detail.timeline || History) && (
          <Grid size={{ xs: 12, md: 6 }}>{History ? <History record={rec} /> : <Timeline entries={detail.timeline!(rec)} />}</Grid>
        )}
        {sections.map((s) => (
          <Grid key={s.id} size={s.wide ? 12 : { xs: 12, md: 6 }}>
            {s.node}
          </Grid>
        ))}
      </Grid>
      {editable && (
        <EntityFormDialog
          typeName={type}
          screens={screens}
          open={editing}
          record={rec}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
          onReload={async () => recordOf((await refetch()).data)}
        />
      )}
    </>
  );
}
