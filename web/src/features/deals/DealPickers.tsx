import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { DealAccountOptionsDocument, DealContactOptionsDocument } from '../../gql/graphql';

export interface AccountOption {
  id: string;
  name: string;
}

interface FieldProps {
  error?: boolean;
  helperText?: string;
}

/** The deal's account: typed text searches account names on the server (the lists can be long). */
export function AccountPicker({ value, onChange, error, helperText }: FieldProps & { value: AccountOption | null; onChange(a: AccountOption | null): void }) {
  const [input, setInput] = useState(value?.name ?? '');
  const [term, setTerm] = useState(input.trim());
  useEffect(() => {
    const t = setTimeout(() => setTerm(input.trim()), 250);
    return () => clearTimeout(t);
  }, [input]);
  // Once an account is chosen its name is in the box: searching for exactly that name adds nothing.
  const searching = term && term !== value?.name;
  const { data, loading } = useQuery(DealAccountOptionsDocument, { variables: searching ? { filter: { name: { contains: term } } } : {} });
  const options = data?.accounts.edges.map((e) => ({ id: e.node.id, name: e.node.name })) ?? [];
  return (
    <Autocomplete
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      value={value}
      onChange={(_, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_, v) => setInput(v)}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(o) => o}
      loading={loading}
      noOptionsText={loading ? 'Loading…' : 'No matching accounts'}
      renderInput={(params) => <TextField {...params} label="Account" required margin="dense" error={error} helperText={helperText ?? ' '} />}
    />
  );
}

/** The primary contact: one of the chosen account's contacts (the server insists on that too). */
export function ContactPicker({ accountId, value, onChange, error, helperText }: FieldProps & { accountId: string; value: string; onChange(id: string): void }) {
  const { data, loading } = useQuery(DealContactOptionsDocument, { variables: { accountId }, skip: !accountId });
  const contacts = data?.contacts.edges.map((e) => e.node) ?? [];
  return (
    <TextField
      select
      label="Primary contact"
      fullWidth
      margin="dense"
      // Until the options arrive the stored id stays in the form, so saving early keeps it.
      value={contacts.some((c) => c.id === value) ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      disabled={!accountId || loading}
      error={error}
      helperText={helperText ?? (accountId ? ' ' : 'Choose the account first')}
    >
      <MenuItem value="">
        <em>None</em>
      </MenuItem>
      {contacts.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.firstName} {c.lastName}
        </MenuItem>
      ))}
    </TextField>
  );
}
