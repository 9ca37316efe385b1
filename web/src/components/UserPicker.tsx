import { useQuery } from '@apollo/client/react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { UserOptionsDocument } from '../gql/graphql';
import { ROLE_LABELS } from '../app/roles';

/** Owner selection for managers and admins (reps own what they create, so they never see it). */
export function UserPicker({ label = 'Owner', value, onChange, error, helperText }: { label?: string; value: string; onChange(id: string): void; error?: boolean; helperText?: string }) {
  const { data, loading } = useQuery(UserOptionsDocument, { variables: { first: 100 } });
  const users = data?.users.edges.map((e) => e.node) ?? [];
  return (
    <TextField select label={label} value={users.some((u) => u.id === value) ? value : ''} onChange={(e) => onChange(e.target.value)} fullWidth margin="dense" error={error} helperText={helperText ?? ' '} disabled={loading}>
      {users.map((u) => (
        <MenuItem key={u.id} value={u.id}>
          {u.name} · {ROLE_LABELS[u.role]}
        </MenuItem>
      ))}
    </TextField>
  );
}
