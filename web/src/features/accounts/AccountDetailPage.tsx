import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import { AccountDetailDocument, DeleteAccountDocument, RestoreAccountDocument } from '../../gql/graphql';
import { PageHeader } from '../../components/PageHeader';
import { DetailFields, RelatedList } from '../../components/DetailFields';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { Timeline } from '../../components/Timeline';
import { formatMoney, formatDate, stageLabel } from '../../components/format';
import { useDeleteWithUndo } from '../../components/useDeleteWithUndo';
import { useCurrentUser } from '../../app/current-user';
import { canRead, canSeeCreditLimit, canWrite } from '../../app/roles';
import { AccountFormDialog } from './AccountFormDialog';

export function AccountDetailPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const { data, loading, error, refetch } = useQuery(AccountDetailDocument, { variables: { id, withCredit: canSeeCreditLimit(me.role), withDeals: canRead(me.role, 'deals') } });
  const [remove] = useMutation(DeleteAccountDocument);
  const [restore] = useMutation(RestoreAccountDocument, { variables: { id, withCredit: canSeeCreditLimit(me.role) } });
  const deleteWithUndo = useDeleteWithUndo();
  const navigate = useNavigate();

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const account = data?.account;
  if (!account) return <EmptyState title="Account not found">It may have been deleted, or you may not have access to it.</EmptyState>;
  const writable = canWrite(me.role, 'accounts');

  return (
    <>
      <PageHeader
        title={account.name}
        subtitle={account.industry ?? undefined}
        actions={
          writable &&
          !account.deletedAt && (
            <>
              <Button variant="outlined" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button
                color="error"
                variant="outlined"
                onClick={() =>
                  void deleteWithUndo({
                    label: account.name,
                    remove: () => remove({ variables: { id } }),
                    restore: () => restore({ variables: { id } }),
                    // A trashed account is not found by id: back to the list, and Undo returns here.
                    onDeleted: () => navigate('/accounts'),
                    onRestored: () => navigate(`/accounts/${id}`),
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
              ['Website', account.website],
              ['Phone', account.phone],
              ['Email', account.email],
              ...(canSeeCreditLimit(me.role) ? ([['Credit limit', formatMoney(account.creditLimit)]] as [string, string][]) : []),
              ['Billing address', account.billingAddress],
              ['Owner', account.owner.name],
              ['Created', formatDate(account.createdAt)],
            ]}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Timeline entries={account.timeline.edges.map((e) => e.node)} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <RelatedList
            title="Contacts"
            total={account.contacts.totalCount}
            items={account.contacts.edges.map((e) => e.node)}
            emptyText="No contacts yet."
            href={(c) => `/contacts/${c.id}`}
            primary={(c) => `${c.firstName} ${c.lastName}`}
            secondary={(c) => [c.title, c.email, c.phone].filter(Boolean).join(' · ')}
          />
        </Grid>
        {account.deals && (
        <Grid size={{ xs: 12, md: 6 }}>
          <RelatedList
            title="Deals"
            total={account.deals.totalCount}
            items={account.deals.edges.map((e) => e.node)}
            emptyText="No deals yet."
            href={(d) => `/deals/${d.id}`}
            primary={(d) => d.name}
            secondary={(d) => `${stageLabel(d.stage)} · ${formatMoney(d.amount)}${d.expectedCloseDate ? ` · closes ${formatDate(d.expectedCloseDate)}` : ''}`}
          />
        </Grid>
        )}
      </Grid>
      <AccountFormDialog
        open={editing}
        account={account}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
        onReload={async () => (await refetch()).data?.account}
      />
    </>
  );
}
