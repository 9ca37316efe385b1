import { useEffect } from 'react';
import { useMutation } from '@apollo/client/react';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { CreateUserDocument, UpdateUserDocument, type Role, type UpdateUserInput, type UserRowFragment } from '../../gql/graphql';
import { RecordDialog } from '../../components/RecordDialog';
import { useForm } from '../../components/useForm';
import { blankToNull } from '../../components/validation';
import { errorCode } from '../../app/errors';
import { ROLE_LABELS } from '../../app/roles';
import { createRules, editRules, PASSWORD_MIN, ROLES, type CreateKey, type EditKey } from './user-rules';

function RoleOptions() {
  return ROLES.map((r) => (
    <MenuItem key={r} value={r}>
      {ROLE_LABELS[r]}
    </MenuItem>
  ));
}

const EMPTY: Record<CreateKey, string> = { email: '', name: '', role: '', password: '', phone: '' };

/** "New user": email, name, role, initial password and phone. */
export function CreateUserDialog({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(user: UserRowFragment): void }) {
  const form = useForm<CreateKey>(EMPTY, createRules);
  const [create] = useMutation(CreateUserDocument);
  const { reset, setFormError } = form;

  useEffect(() => {
    if (open) reset(EMPTY);
  }, [open, reset]);

  const save = () =>
    form.submit(async (v) => {
      const input = { email: v.email.trim(), name: v.name.trim(), role: v.role as Role, password: v.password, phone: blankToNull(v.phone) };
      try {
        const { data } = await create({ variables: { input } });
        if (data) onSaved(data.createUser);
      } catch (err) {
        // A unique-index race on the email comes back as CONFLICT; it is not a stale record here.
        if (errorCode(err) === 'CONFLICT') setFormError({ code: 'EMAIL_TAKEN', message: 'A user with this email already exists.', fields: {} });
        else throw err;
      }
    });

  return (
    <RecordDialog open={open} title="New user" submitLabel="Create user" submitting={form.submitting} formError={form.formError} onClose={onClose} onSubmit={() => void save()}>
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <TextField label="Email" type="email" required fullWidth margin="dense" autoFocus autoComplete="off" {...form.field('email')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Name" required fullWidth margin="dense" autoComplete="off" {...form.field('name')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField select label="Role" required fullWidth margin="dense" {...form.field('role')}>
            {RoleOptions()}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Password"
            type="password"
            required
            fullWidth
            margin="dense"
            autoComplete="new-password"
            {...form.field('password')}
            helperText={form.errors.password ?? `At least ${PASSWORD_MIN} characters`}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Phone" type="tel" fullWidth margin="dense" {...form.field('phone')} />
        </Grid>
      </Grid>
    </RecordDialog>
  );
}

function toValues(u: UserRowFragment | null | undefined): Record<EditKey, string> {
  return { name: u?.name ?? '', role: u?.role ?? '', phone: u?.phone ?? '' };
}

/** Name, phone and role of an existing user; only what changed is sent. Admins cannot change their own role. */
export function EditUserDialog({ open, user, isSelf, onClose, onSaved }: { open: boolean; user: UserRowFragment | null; isSelf: boolean; onClose(): void; onSaved(user: UserRowFragment): void }) {
  const form = useForm<EditKey>(toValues(user), editRules);
  const [update] = useMutation(UpdateUserDocument);
  const { reset } = form;

  useEffect(() => {
    if (open) reset(toValues(user));
  }, [open, user, reset]);

  const save = () =>
    form.submit(async (v) => {
      if (!user) return;
      const input: UpdateUserInput = {};
      if (v.name.trim() !== user.name) input.name = v.name.trim();
      if (blankToNull(v.phone) !== (user.phone ?? null)) input.phone = blankToNull(v.phone);
      if (v.role !== user.role) input.role = v.role as Role;
      if (Object.keys(input).length === 0) {
        onSaved(user);
        return;
      }
      const { data } = await update({ variables: { id: user.id, input } });
      if (data) onSaved(data.updateUser);
    });

  const roleField = form.field('role');
  return (
    <RecordDialog open={open} title={user ? `Edit ${user.name}` : 'Edit user'} submitLabel="Save" submitting={form.submitting} formError={form.formError} onClose={onClose} onSubmit={() => void save()}>
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <TextField label="Email" fullWidth margin="dense" value={user?.email ?? ''} disabled helperText="The sign-in email cannot be changed." />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Name" required fullWidth margin="dense" autoFocus {...form.field('name')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Phone" type="tel" fullWidth margin="dense" {...form.field('phone')} />
        </Grid>
        <Grid size={12}>
          <TextField
            select
            label="Role"
            required
            fullWidth
            margin="dense"
            {...roleField}
            disabled={isSelf}
            helperText={form.errors.role ?? (isSelf ? 'You cannot change your own role.' : ' ')}
          >
            {RoleOptions()}
          </TextField>
        </Grid>
      </Grid>
    </RecordDialog>
  );
}
