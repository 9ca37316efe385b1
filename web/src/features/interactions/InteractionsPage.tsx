import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { InteractionsDocument, RestoreInteractionDocument, type InteractionFilter, type InteractionRowFragment, type InteractionSortField, type InteractionType } from '../../gql/graphql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyList, ListTable, type Column } from '../../components/ListTable';
import { useLoadMore, TrashSwitch, restoreColumn } from '../../components/list-controls';
import { SearchField } from '../../components/SearchField';
import { useListUrlState } from '../../components/useListUrlState';
import { useNotify } from '../../components/Notifications';
import { describeError } from '../../app/errors';
import { useCurrentUser } from '../../app/current-user';
import { canWrite } from '../../app/roles';
import { InteractionFormDialog } from './InteractionFormDialog';
import { forgetInteractionLists } from './interaction-cache';
import { INTERACTION_TYPES, TYPE_LABELS, formatDateTime, isInteractionType } from './interaction-format';

const SORTS = ['OCCURRED_AT', 'TYPE', 'CREATED_AT', 'UPDATED_AT'] as const satisfies readonly InteractionSortField[];
export const INTERACTIONS_PAGE_SIZE = 25;

export function interactionFilter(o: { query: string; type: InteractionType | null; contactId: string | null; trash: boolean }): InteractionFilter {
  const filter: InteractionFilter = {};
  if (o.query.trim()) filter.subject = { contains: o.query.trim() };
  if (o.type) filter.type = { eq: o.type };
  if (o.contactId) filter.contact = { id: { eq: o.contactId } };
  if (o.trash) filter.deletedAt = { isNull: false };
  return filter;
}

export function InteractionsPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const list = useListUrlState<InteractionSortField>({ field: 'OCCURRED_AT', direction: 'DESC' }, SORTS);
  const trash = list.get('view') === 'trash';
  const rawType = list.get('type');
  const type = isInteractionType(rawType) ? rawType : null;
  const contactId = list.get('contact');
  const [creating, setCreating] = useState(false);
  const variables = { first: INTERACTIONS_PAGE_SIZE, filter: interactionFilter({ query: list.query, type, contactId, trash }), orderBy: list.orderBy };
  const { data, loading, error, refetch, fetchMore } = useQuery(InteractionsDocument, { variables, notifyOnNetworkStatusChange: false });
  const conn = data?.interactions;
  const paging = useLoadMore(conn?.pageInfo, fetchMore);
  const rows = conn?.edges.map((e) => e.node);
  const filteredContact = contactId ? rows?.find((r) => r.contact?.id === contactId)?.contact : undefined;
  const [restore] = useMutation(RestoreInteractionDocument);
  const notify = useNotify();
  const writable = canWrite(me.role, 'interactions');

  // Trashed interactions are not found by id, so the trash is where they come back from.
  const restoreRow = (i: InteractionRowFragment) =>
    restore({ variables: { id: i.id }, update: (cache) => forgetInteractionLists(cache, { contactIds: [i.contact?.id], dealIds: [i.deal?.id] }) }).then(
      () => notify(`${i.subject} restored`),
      (err: unknown) => notify(describeError(err).message, { severity: 'error' }),
    );

  const columns: Column<InteractionRowFragment, InteractionSortField>[] = [
    { id: 'subject', label: 'Subject', render: (i) => (trash ? i.subject : <Link component={RouterLink} to={`/interactions/${i.id}`}>{i.subject}</Link>) },
    { id: 'type', label: 'Type', sortField: 'TYPE', render: (i) => TYPE_LABELS[i.type], hideBelow: 'sm' },
    { id: 'occurredAt', label: 'When', sortField: 'OCCURRED_AT', render: (i) => formatDateTime(i.occurredAt) },
    {
      id: 'contact',
      label: 'Contact',
      render: (i) => (i.contact ? <Link component={RouterLink} to={`/contacts/${i.contact.id}`}>{`${i.contact.firstName} ${i.contact.lastName}`}</Link> : '—'),
      hideBelow: 'md',
    },
    { id: 'deal', label: 'Deal', render: (i) => (i.deal ? <Link component={RouterLink} to={`/deals/${i.deal.id}`}>{i.deal.name}</Link> : '—'), hideBelow: 'md' },
    { id: 'owner', label: 'Owner', render: (i) => i.owner.name, hideBelow: 'md' },
    ...restoreColumn<InteractionRowFragment, InteractionSortField>(trash && writable, (i) => i.subject, (i) => void restoreRow(i)),
  ];


  const filtered = !!(list.query || type || contactId);
  return (
    <>
      <PageHeader
        title={trash ? 'Interactions — trash' : 'Interactions'}
        actions={
          writable && (
            <Button variant="contained" onClick={() => setCreating(true)}>
              New interaction
            </Button>
          )
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} useFlexGap sx={{ mb: 2, alignItems: { sm: 'center' }, flexWrap: 'wrap' }}>
        <SearchField label="Filter by subject" value={list.query} onChange={list.setQuery} />
        <TextField
          select
          size="small"
          label="Type"
          value={type ?? ''}
          onChange={(e) => list.update({ type: e.target.value || null })}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">All types</MenuItem>
          {INTERACTION_TYPES.map((t) => (
            <MenuItem key={t} value={t}>
              {TYPE_LABELS[t]}
            </MenuItem>
          ))}
        </TextField>
        {contactId && (
          <Chip
            label={filteredContact ? `Contact: ${filteredContact.firstName} ${filteredContact.lastName}` : 'One contact'}
            onDelete={() => list.update({ contact: null })}
          />
        )}
        <TrashSwitch checked={trash} onChange={(on) => list.update({ view: on ? 'trash' : null })} />
      </Stack>
      <ListTable
        label="Interactions"
        columns={columns}
        rows={rows}
        sort={{ field: list.field, direction: list.direction }}
        onSort={list.setSort}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        {...paging}
        totalCount={conn?.totalCount}
        empty={<EmptyList title={trash ? 'The trash is empty.' : filtered ? 'No interactions match this filter.' : 'No interactions yet.'} />}
      />
      <InteractionFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(i) => {
          setCreating(false);
          navigate(`/interactions/${i.id}`);
        }}
      />
    </>
  );
}
