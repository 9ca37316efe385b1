import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { DeleteInteractionDocument, InteractionDetailDocument, InteractionHistoryDocument, RestoreInteractionDocument } from '../../gql/graphql';
import { PageHeader } from '../../components/PageHeader';
import { DetailFields, Section } from '../../components/DetailFields';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { Timeline } from '../../components/Timeline';
import { formatDate } from '../../components/format';
import { useDeleteWithUndo } from '../../components/useDeleteWithUndo';
import { useCurrentUser } from '../../app/current-user';
import { canWrite } from '../../app/roles';
import { InteractionFormDialog } from './InteractionFormDialog';
import { forgetInteractionLists } from './interaction-cache';
import { TYPE_LABELS, formatDateTime } from './interaction-format';

export function InteractionDetailPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const { data, loading, error, refetch } = useQuery(InteractionDetailDocument, { variables: { id } });
  // Fetched on every visit: the feed does not refresh activityLog queries.
  const history = useQuery(InteractionHistoryDocument, { variables: { filter: { entityType: { eq: 'Interaction' }, entityId: { eq: id } } }, fetchPolicy: 'cache-and-network' });
  const [remove] = useMutation(DeleteInteractionDocument);
  const [restore] = useMutation(RestoreInteractionDocument, { variables: { id } });
  const deleteWithUndo = useDeleteWithUndo();
  const navigate = useNavigate();

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const interaction = data?.interaction;
  if (!interaction) return <EmptyState title="Interaction not found">It may have been deleted, or you may not have access to it.</EmptyState>;
  const writable = canWrite(me.role, 'interactions');
  const { contact, deal } = interaction;
  const lists = { contactIds: [contact?.id], dealIds: [deal?.id] };

  return (
    <>
      <PageHeader
        title={interaction.subject}
        subtitle={`${TYPE_LABELS[interaction.type]} · ${formatDateTime(interaction.occurredAt)}`}
        actions={
          writable && (
            <>
              <Button variant="outlined" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button
                color="error"
                variant="outlined"
                onClick={() =>
                  void deleteWithUndo({
                    label: interaction.subject,
                    // A trashed interaction is no longer found by id: the page gives way to the list, and Undo comes back.
                    remove: () => remove({ variables: { id }, update: (cache) => forgetInteractionLists(cache, lists) }),
                    restore: () => restore({ update: (cache) => forgetInteractionLists(cache, lists) }),
                    onDeleted: () => navigate('/interactions'),
                    onRestored: () => navigate(`/interactions/${id}`),
                  })
                }
              >
                Delete
              </Button>
            </>
          )
        }
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <DetailFields
            fields={[
              ['Type', TYPE_LABELS[interaction.type]],
              ['When', formatDateTime(interaction.occurredAt)],
              ['Contact', contact ? <Link component={RouterLink} to={`/contacts/${contact.id}`}>{`${contact.firstName} ${contact.lastName}`}</Link> : null],
              ['Account', contact?.account ? <Link component={RouterLink} to={`/accounts/${contact.account.id}`}>{contact.account.name}</Link> : null],
              ['Deal', deal ? <Link component={RouterLink} to={`/deals/${deal.id}`}>{deal.name}</Link> : null],
              ['Owner', interaction.owner.name],
              ['Created', formatDate(interaction.createdAt)],
            ]}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title="Details">
            {interaction.body ? (
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {interaction.body}
              </Typography>
            ) : (
              <Typography variant="body2" color="text.secondary">
                No details written.
              </Typography>
            )}
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          {history.error && !history.data ? (
            <ErrorState error={history.error} onRetry={() => void history.refetch()} />
          ) : history.loading && !history.data ? (
            <LoadingState label="Loading history…" />
          ) : (
            <Timeline entries={history.data?.activityLog.edges.map((e) => e.node) ?? []} />
          )}
        </Grid>
      </Grid>
      <InteractionFormDialog
        open={editing}
        interaction={interaction}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void history.refetch();
        }}
        onReload={async () => (await refetch()).data?.interaction}
      />
    </>
  );
}
