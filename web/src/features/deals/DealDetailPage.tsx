import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { DealDetailDocument, DeleteDealDocument, RestoreDealDocument } from '../../gql/graphql';
import { PageHeader } from '../../components/PageHeader';
import { DetailFields, Section, RelatedList } from '../../components/DetailFields';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { Timeline } from '../../components/Timeline';
import { formatDate, formatMoney, stageLabel } from '../../components/format';
import { useDeleteWithUndo } from '../../components/useDeleteWithUndo';
import { useCurrentUser } from '../../app/current-user';
import { canRead, canWrite } from '../../app/roles';
import { DealFormDialog } from './DealFormDialog';
import { StageChip } from './StageChip';
import { MoveStageMenu, useStageMove } from './stage-move';

export function DealDetailPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const withInteractions = canRead(me.role, 'interactions');
  const { data, loading, error, refetch } = useQuery(DealDetailDocument, { variables: { id, withInteractions } });
  const [remove] = useMutation(DeleteDealDocument);
  const [restore] = useMutation(RestoreDealDocument, { variables: { id } });
  const deleteWithUndo = useDeleteWithUndo();
  const stageMove = useStageMove({ onSettled: () => refetch(), onReload: () => refetch() });

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const deal = data?.deal;
  if (!deal) return <EmptyState title="Deal not found">It may have been deleted, or you may not have access to it.</EmptyState>;
  const writable = canWrite(me.role, 'deals') && !deal.deletedAt;
  const contact = deal.primaryContact;

  return (
    <>
      <PageHeader
        title={deal.name}
        subtitle={
          <>
            {deal.account ? <Link component={RouterLink} to={`/accounts/${deal.account.id}`}>{deal.account.name}</Link> : 'No visible account'} · {formatMoney(deal.amount)}
          </>
        }
        actions={
          writable && (
            <>
              <MoveStageMenu deal={deal} onPick={(stage) => stageMove.request(deal, stage)} variant="button" />
              <Button variant="outlined" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button
                color="error"
                variant="outlined"
                onClick={() =>
                  void deleteWithUndo({
                    label: deal.name,
                    remove: () => remove({ variables: { id } }),
                    restore: () => restore(),
                    onDeleted: () => navigate('/deals'),
                    onRestored: () => navigate(`/deals/${id}`),
                  })
                }
              >
                Delete
              </Button>
            </>
          )
        }
      />
      {stageMove.notices}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <DetailFields
            fields={[
              ['Stage', <StageChip key="stage" stage={deal.stage} />],
              ['Amount', formatMoney(deal.amount)],
              ['Probability', deal.probability != null ? `${deal.probability} %` : null],
              ['Expected close', formatDate(deal.expectedCloseDate)],
              ['Account', deal.account ? <Link key="account" component={RouterLink} to={`/accounts/${deal.account.id}`}>{deal.account.name}</Link> : null],
              ['Primary contact', contact ? <Link key="contact" component={RouterLink} to={`/contacts/${contact.id}`}>{`${contact.firstName} ${contact.lastName}`}</Link> : null],
              ...(deal.closedAt ? ([['Closed', formatDate(deal.closedAt)]] as [string, string][]) : []),
              ...(deal.lostReason ? ([['Lost reason', deal.lostReason]] as [string, string][]) : []),
              ['Owner', deal.owner.name],
              ['Created', formatDate(deal.createdAt)],
            ]}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Timeline entries={deal.timeline.edges.map((e) => e.node)} />
        </Grid>
        {deal.project && (
          <Grid size={{ xs: 12, md: 6 }}>
            <Section title="Project">
              <Typography variant="body1">{deal.project.name}</Typography>
              <Typography variant="body2" color="text.secondary">
                Status: {stageLabel(deal.project.status)}
                {deal.stage !== 'CLOSED_WON' && ' · the deal has been reopened; winning it again reuses this project'}
              </Typography>
            </Section>
          </Grid>
        )}
        {deal.interactions && (
          <Grid size={{ xs: 12, md: 6 }}>
            <RelatedList
              title="Interactions"
              total={deal.interactions.totalCount}
              items={deal.interactions.edges.map((e) => e.node)}
              emptyText="No interactions yet."
              href={(i) => `/interactions/${i.id}`}
              primary={(i) => i.subject}
              secondary={(i) => [stageLabel(i.type), new Date(i.occurredAt).toLocaleString(), i.contact ? `${i.contact.firstName} ${i.contact.lastName}` : null].filter(Boolean).join(' · ')}
            />
          </Grid>
        )}
      </Grid>
      {stageMove.dialogs}
      <DealFormDialog
        open={editing}
        deal={deal}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
        onReload={async () => (await refetch()).data?.deal}
      />
    </>
  );
}
