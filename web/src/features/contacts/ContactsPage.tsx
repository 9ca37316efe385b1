import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { ContactsDocument, RestoreContactDocument, type ContactRowFragment, type ContactSortField } from '../../gql/graphql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyList, ListTable, type Column } from '../../components/ListTable';
import { useLoadMore, TrashSwitch, restoreColumn } from '../../components/list-controls';
import { SearchField } from '../../components/SearchField';
import { useListUrlState } from '../../components/useListUrlState';
import { useNotify } from '../../components/Notifications';
import { describeError } from '../../app/errors';
import { useCurrentUser } from '../../app/current-user';
import { canWrite } from '../../app/roles';
import { ContactFormDialog } from './ContactFormDialog';
import { contactFilter, contactName } from './contact-filters';
import { forgetContactLists } from './contact-cache';

const SORTS = ['LAST_NAME', 'FIRST_NAME', 'EMAIL', 'CREATED_AT', 'UPDATED_AT'] as const satisfies readonly ContactSortField[];
export const CONTACTS_PAGE_SIZE = 25;

export function ContactsPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const list = useListUrlState<ContactSortField>({ field: 'LAST_NAME', direction: 'ASC' }, SORTS);
  const trash = list.get('view') === 'trash';
  const [creating, setCreating] = useState(false);
  const variables = { first: CONTACTS_PAGE_SIZE, filter: contactFilter(list.query, trash), orderBy: list.orderBy };
  const { data, loading, error, refetch, fetchMore } = useQuery(ContactsDocument, { variables, notifyOnNetworkStatusChange: false });
  const conn = data?.contacts;
  const paging = useLoadMore(conn?.pageInfo, fetchMore);
  const [restore] = useMutation(RestoreContactDocument);
  const notify = useNotify();
  const writable = canWrite(me.role, 'contacts');

  // Trashed contacts are not found by id, so the trash is where they come back from.
  const restoreRow = (c: ContactRowFragment) =>
    restore({ variables: { id: c.id }, update: (cache) => forgetContactLists(cache, [c.account?.id]) }).then(
      () => notify(`${contactName(c)} restored`),
      (err: unknown) => notify(describeError(err).message, { severity: 'error' }),
    );

  const columns: Column<ContactRowFragment, ContactSortField>[] = [
    { id: 'name', label: 'Name', sortField: 'LAST_NAME', render: (c) => (trash ? contactName(c) : <Link component={RouterLink} to={`/contacts/${c.id}`}>{contactName(c)}</Link>) },
    { id: 'title', label: 'Title', render: (c) => c.title ?? '—', hideBelow: 'md' },
    {
      id: 'account',
      label: 'Account',
      render: (c) => (c.account ? <Link component={RouterLink} to={`/accounts/${c.account.id}`}>{c.account.name}</Link> : '—'),
      hideBelow: 'sm',
    },
    { id: 'email', label: 'Email', sortField: 'EMAIL', render: (c) => c.email ?? '—', hideBelow: 'md' },
    { id: 'phone', label: 'Phone', render: (c) => c.phone ?? '—', hideBelow: 'md' },
    { id: 'owner', label: 'Owner', render: (c) => c.owner.name, hideBelow: 'sm' },
    ...restoreColumn<ContactRowFragment, ContactSortField>(trash && writable, (c) => contactName(c), (c) => void restoreRow(c)),
  ];


  return (
    <>
      <PageHeader
        title={trash ? 'Contacts — trash' : 'Contacts'}
        actions={
          writable && (
            <Button variant="contained" onClick={() => setCreating(true)}>
              New contact
            </Button>
          )
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <SearchField label="Filter contacts" value={list.query} onChange={list.setQuery} />
        <TrashSwitch checked={trash} onChange={(on) => list.update({ view: on ? 'trash' : null })} />
      </Stack>
      <ListTable
        label="Contacts"
        columns={columns}
        rows={conn?.edges.map((e) => e.node)}
        sort={{ field: list.field, direction: list.direction }}
        onSort={list.setSort}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        {...paging}
        totalCount={conn?.totalCount}
        empty={<EmptyList title={trash ? 'The trash is empty.' : list.query ? 'No contacts match this filter.' : 'No contacts yet.'} />}
      />
      <ContactFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          navigate(`/contacts/${c.id}`);
        }}
      />
    </>
  );
}
