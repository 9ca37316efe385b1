import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import EditIcon from '@mui/icons-material/Edit';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import { UpdateUserDocument, UsersDocument, type Role, type UserFilter, type UserRowFragment, type UserSortField } from '../../gql/graphql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyList, ListTable, type Column } from '../../components/ListTable';
import { useLoadMore } from '../../components/list-controls';
import { SearchField } from '../../components/SearchField';
import { useListUrlState } from '../../components/useListUrlState';
import { useNotify } from '../../components/Notifications';
import { formatDate } from '../../components/format';
import { useCurrentUser } from '../../app/current-user';
import { ROLE_LABELS } from '../../app/roles';
import { ConfirmDialog } from './ConfirmDialog';
import { NoWrap } from './NoWrap';
import { CreateUserDialog, EditUserDialog } from './UserFormDialog';
import { actionErrorMessage, formatDateTime } from './admin-format';
import { ROLES } from './user-rules';

/** Name with the email under it; on phones also the role and status, whose columns are hidden there. */
function NameCell({ user, self }: { user: UserRowFragment; self: boolean }) {
  return (
    <>
      <div>{self ? `${user.name} (you)` : user.name}</div>
      {user.email && (
        <Typography variant="caption" component="div" color="text.secondary" sx={{ overflowWrap: 'break-word' }}>
          {user.email}
        </Typography>
      )}
      <Typography variant="caption" component="div" sx={{ display: { sm: 'none' } }}>
        {ROLE_LABELS[user.role]}
        {user.active ? '' : ' · Inactive'}
      </Typography>
    </>
  );
}

const SORTS = ['NAME', 'ROLE', 'CREATED_AT'] as const satisfies readonly UserSortField[];
export const USERS_PAGE_SIZE = 25;
type Status = 'active' | 'inactive';

/** The list filter from the URL: name text, role, active or not. */
export function userFilter(query: string, role: string | null, status: string | null): UserFilter {
  const filter: UserFilter = {};
  if (query.trim()) filter.name = { contains: query.trim() };
  if (role && role in ROLE_LABELS) filter.role = { eq: role as Role };
  if (status === 'active' || status === 'inactive') filter.active = { eq: status === 'active' };
  return filter;
}

export function UsersPage() {
  const me = useCurrentUser();
  const notify = useNotify();
  const list = useListUrlState<UserSortField>({ field: 'NAME', direction: 'ASC' }, SORTS);
  const role = list.get('role');
  const status = list.get('status') as Status | null;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<{ open: boolean; user: UserRowFragment | null }>({ open: false, user: null });
  const [deactivating, setDeactivating] = useState<{ open: boolean; user: UserRowFragment | null }>({ open: false, user: null });
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const filter = userFilter(list.query, role, status);
  const { data, loading, error, refetch, fetchMore } = useQuery(UsersDocument, { variables: { first: USERS_PAGE_SIZE, filter, orderBy: list.orderBy } });
  const [update, { loading: updating }] = useMutation(UpdateUserDocument);
  const conn = data?.users;
  const paging = useLoadMore(conn?.pageInfo, fetchMore);
  const filtered = !!(list.query || role || status);

  const setActive = async (user: UserRowFragment, active: boolean) => {
    setConfirmError(null);
    try {
      await update({ variables: { id: user.id, input: { active } } });
    } catch (err) {
      if (active) notify(actionErrorMessage(err), { severity: 'error' });
      else setConfirmError(actionErrorMessage(err));
      return;
    }
    if (!active) setDeactivating((d) => ({ ...d, open: false }));
    notify(active ? `${user.name} reactivated` : `${user.name} deactivated`);
    void refetch();
  };

  const columns: Column<UserRowFragment, UserSortField>[] = [
    { id: 'name', label: 'Name', sortField: 'NAME', render: (u) => <NameCell user={u} self={u.id === me.id} /> },
    { id: 'role', label: 'Role', sortField: 'ROLE', render: (u) => ROLE_LABELS[u.role], hideBelow: 'sm' },
    { id: 'active', label: 'Status', render: (u) => (u.active ? <Chip size="small" label="Active" color="success" variant="outlined" /> : <Chip size="small" label="Inactive" />), hideBelow: 'sm' },
    { id: 'lastLogin', label: 'Last sign-in', render: (u) => <NoWrap>{formatDateTime(u.lastLoginAt, 'Never')}</NoWrap>, hideBelow: 'md' },
    { id: 'created', label: 'Created', sortField: 'CREATED_AT', render: (u) => formatDate(u.createdAt), hideBelow: 'md' },
    {
      id: 'actions',
      label: 'Actions',
      render: (u) => {
        const self = u.id === me.id;
        return (
          <Stack direction="row" spacing={0.5}>
            <Tooltip title="Edit">
              <IconButton size="small" aria-label={`Edit ${u.name}`} onClick={() => setEditing({ open: true, user: u })}>
                <EditIcon fontSize="small" />
              </IconButton>
            </Tooltip>
            {u.active ? (
              <Tooltip title={self ? 'You cannot deactivate yourself' : 'Deactivate'}>
                {/* A disabled button fires no events; the span keeps the tooltip working. */}
                <span>
                  <IconButton
                    size="small"
                    color="error"
                    aria-label={`Deactivate ${u.name}`}
                    disabled={self}
                    onClick={() => {
                      setConfirmError(null);
                      setDeactivating({ open: true, user: u });
                    }}
                  >
                    <PersonOffIcon fontSize="small" />
                  </IconButton>
                </span>
              </Tooltip>
            ) : (
              <Tooltip title="Reactivate">
                <span>
                  <IconButton size="small" color="primary" aria-label={`Reactivate ${u.name}`} disabled={updating} onClick={() => void setActive(u, true)}>
                    <HowToRegIcon fontSize="small" />
                  </IconButton>
                </span>
              </Tooltip>
            )}
          </Stack>
        );
      },
    },
  ];


  const target = deactivating.user;
  return (
    <>
      <PageHeader
        title="Users"
        subtitle="Who can sign in, and with which role."
        actions={
          <Button variant="contained" onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <SearchField label="Filter users by name" value={list.query} onChange={list.setQuery} />
        <TextField
          select
          size="small"
          label="Role"
          value={role && role in ROLE_LABELS ? role : ''}
          onChange={(e) => list.update({ role: e.target.value || null })}
          sx={{ minWidth: 180 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">All roles</MenuItem>
          {ROLES.map((r) => (
            <MenuItem key={r} value={r}>
              {ROLE_LABELS[r]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Status"
          value={status === 'active' || status === 'inactive' ? status : ''}
          onChange={(e) => list.update({ status: e.target.value || null })}
          sx={{ minWidth: 160 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Everyone</MenuItem>
          <MenuItem value="active">Active</MenuItem>
          <MenuItem value="inactive">Inactive</MenuItem>
        </TextField>
      </Stack>
      <ListTable
        label="Users"
        columns={columns}
        rows={conn?.edges.map((e) => e.node)}
        sort={{ field: list.field, direction: list.direction }}
        onSort={list.setSort}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        {...paging}
        totalCount={conn?.totalCount}
        rowSx={(u) => (u.active ? undefined : { '& td': { color: 'text.secondary' } })}
        empty={<EmptyList title={filtered ? 'No users match this filter.' : 'No users yet.'} />}
      />
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(u) => {
          setCreating(false);
          notify(`${u.name} can now sign in`);
          void refetch();
        }}
      />
      <EditUserDialog
        open={editing.open}
        user={editing.user}
        isSelf={editing.user?.id === me.id}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
        onSaved={(u) => {
          setEditing((e) => ({ ...e, open: false }));
          notify(`${u.name} saved`);
          void refetch();
        }}
      />
      <ConfirmDialog
        open={deactivating.open}
        title={target ? `Deactivate ${target.name}?` : 'Deactivate user?'}
        confirmLabel="Deactivate"
        busy={updating}
        error={confirmError}
        onClose={() => setDeactivating((d) => ({ ...d, open: false }))}
        onConfirm={() => target && void setActive(target, false)}
      >
        They can no longer sign in; their open sessions end and their API keys are revoked. You can reactivate them later, but revoked keys stay revoked.
      </ConfirmDialog>
    </>
  );
}
