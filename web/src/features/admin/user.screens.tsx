import { useMutation } from '@apollo/client/react';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import EditIcon from '@mui/icons-material/Edit';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import type { UserRowFragment, UsersQuery } from '../../gql/graphql';
import { CreateUserDocument, UpdateUserDocument, UsersDocument } from '../../gql/users';
import { actionErrorMessage } from '../../app/errors';
import { ROLE_LABELS, ROLES } from '../../app/roles';
import { useNotify } from '../../components/Notifications';
import { activeFilter, phoneField } from '../../components/kit/descriptors';
import { forgetLists } from '../../components/kit/forget-lists';
import { formatDate, formatDateTime } from '../../components/kit/format';
import type { EntityScreens, KitContext } from '../../components/kit/types';
import { useConfirmedStep } from './ConfirmDialog';
import { NoWrap } from './NoWrap';

// Mirrors CreateUserInput / UpdateUserInput on the server (user.inputs.ts).
export const PASSWORD_MIN = 10;

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

/** Edit, and deactivate (after asking) or reactivate; admins cannot deactivate themselves. */
function UserActions({ row, ctx, edit }: { row: UserRowFragment; ctx: KitContext; edit(): void }) {
  const notify = useNotify();
  const [update, { loading }] = useMutation(UpdateUserDocument, { update: (cache) => forgetLists(cache, 'User', 'edit') });
  const setActive = (active: boolean) => update({ variables: { id: row.id, input: { active } } });
  const deactivate = useConfirmedStep({
    title: `Deactivate ${row.name}?`,
    confirmLabel: 'Deactivate',
    busy: loading,
    run: () => setActive(false),
    done: `${row.name} deactivated`,
    body: 'They can no longer sign in; their open sessions end and their API keys are revoked. You can reactivate them later, but revoked keys stay revoked.',
  });
  const reactivate = () =>
    setActive(true).then(
      () => notify(`${row.name} reactivated`),
      (err: unknown) => notify(actionErrorMessage(err), { severity: 'error' }),
    );
  const self = row.id === ctx.me.id;
  return (
    <Stack direction="row" spacing={0.5}>
      <Tooltip title="Edit">
        <IconButton size="small" aria-label={`Edit ${row.name}`} onClick={edit}>
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {row.active ? (
        <Tooltip title={self ? 'You cannot deactivate yourself' : 'Deactivate'}>
          {/* A disabled button fires no events; the span keeps the tooltip working. */}
          <span>
            <IconButton size="small" color="error" aria-label={`Deactivate ${row.name}`} disabled={self} onClick={deactivate.ask}>
              <PersonOffIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      ) : (
        <Tooltip title="Reactivate">
          <span>
            <IconButton size="small" color="primary" aria-label={`Reactivate ${row.name}`} disabled={loading} onClick={() => void reactivate()}>
              <HowToRegIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      )}
      {deactivate.dialog}
    </Stack>
  );
}

type Row = UsersQuery['users']['edges'][number]['node'];
const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export const screens: EntityScreens = {
  list: {
    query: UsersDocument,
    subtitle: 'Who can sign in, and with which role.',
    defaultSort: { field: 'NAME', direction: 'ASC' },
    sorts: { NAME: 'Name', ROLE: 'Role', CREATED_AT: 'Created', UPDATED_AT: 'Last changed' },
    filters: [
      { kind: 'text', label: 'Filter users by name', toFilter: (q) => ({ name: { contains: q } }) },
      { kind: 'enum', key: 'role', label: 'Role', field: 'role', options: roleOptions },
      activeFilter,
    ],
    columns: [
      { id: 'name', label: 'Name', sortField: 'NAME', render: (u: Row, ctx) => <NameCell user={u} self={u.id === ctx.me.id} /> },
      { id: 'role', label: 'Role', sortField: 'ROLE', render: (u: Row) => ROLE_LABELS[u.role], hideBelow: 'sm' },
      {
        id: 'active',
        label: 'Status',
        render: (u: Row) => (u.active ? <Chip size="small" label="Active" color="success" variant="outlined" /> : <Chip size="small" label="Inactive" />),
        hideBelow: 'sm',
      },
      {
        id: 'lastLogin',
        label: 'Last sign-in',
        field: 'lastLoginAt',
        render: (u: Row) => <NoWrap>{formatDateTime(u.lastLoginAt, 'Never')}</NoWrap>,
        hideBelow: 'md',
      },
      { id: 'created', label: 'Created', sortField: 'CREATED_AT', render: (u: Row) => formatDate(u.createdAt), hideBelow: 'md' },
    ],
    rowLabel: (u) => u.name,
    rowMuted: (u) => !u.active,
    RowActions: UserActions,
  },
  form: {
    titles: { create: 'New user', edit: (u) => `Edit ${u.name}`, submit: 'Create user' },
    savedMessage: (u, created) => (created ? `${u.name} can now sign in` : `${u.name} saved`),
    fields: [
      {
        kind: 'email',
        name: 'email',
        label: 'Email',
        required: true,
        max: 254,
        autoFocus: true,
        disabled: (ctx) => !!ctx.record,
        helperText: (ctx) => (ctx.record ? 'The sign-in email cannot be changed.' : undefined),
      },
      { kind: 'text', name: 'name', label: 'Name', required: true, min: 1, max: 200, half: true },
      {
        kind: 'select',
        name: 'role',
        label: 'Role',
        required: true,
        half: true,
        options: roleOptions,
        disabled: (ctx) => ctx.record?.id === ctx.me.id,
        helperText: (ctx) => (ctx.record?.id === ctx.me.id ? 'You cannot change your own role.' : undefined),
      },
      {
        kind: 'password',
        name: 'password',
        label: 'Password',
        min: PASSWORD_MIN,
        max: 200,
        half: true,
        required: true,
        visible: (ctx) => !ctx.record,
        helperText: () => `At least ${PASSWORD_MIN} characters`,
      },
      phoneField(),
    ],
    // A new user gets everything; an edit sends only what changed (the email never changes).
    toInput: (_values, ctx, input) => {
      if (!ctx.record) return input;
      const u = ctx.record as Row;
      const changed: Record<string, unknown> = {};
      const digits = (p: unknown) => (typeof p === 'string' ? p.replace(/[^\d+]/g, '') : null);
      if (input.name !== u.name) changed.name = input.name;
      if (digits(input.phone) !== digits(u.phone)) changed.phone = input.phone;
      if (input.role !== u.role) changed.role = input.role;
      return changed;
    },
    save: async (input, ctx, write) => (ctx.record && Object.keys(input).length === 0 ? (ctx.record as Row) : ((await write(input)) as Row)),
    // A unique-index race on the email comes back as CONFLICT; it is not a stale record here.
    mapError: (error, ctx) =>
      !ctx.record && error.code === 'CONFLICT' ? { code: 'EMAIL_TAKEN', message: 'A user with this email already exists.', fields: {} } : null,
  },
  documents: { create: CreateUserDocument, update: UpdateUserDocument },
};
