import { useQuery } from '@apollo/client/react';
import { ContactAccountOptionsDocument, type AccountFilter } from '../../gql/graphql';
import { RecordPicker, usePickerSearch, type PickerOption } from './RecordPicker';

export const ACCOUNT_OPTIONS_SIZE = 20;

export function accountOptionsFilter(search: string): AccountFilter {
  return search ? { name: { contains: search } } : {};
}

interface Props {
  value: PickerOption | null;
  onChange(option: PickerOption | null): void;
  error?: boolean;
  helperText?: string;
}

/** Chooses the account a contact works at, by name. */
export function AccountPicker({ value, onChange, error, helperText }: Props) {
  const s = usePickerSearch();
  const { data, previousData, loading } = useQuery(ContactAccountOptionsDocument, {
    variables: { filter: accountOptionsFilter(s.search), first: ACCOUNT_OPTIONS_SIZE },
    skip: !s.open,
    // Kept out of the cache: option rows must not mix with the list screens' pages of the same connection.
    fetchPolicy: 'no-cache',
  });
  const options = ((data ?? previousData)?.accounts.edges ?? []).map(({ node: a }) => ({ id: a.id, label: a.name, detail: a.industry ?? undefined }));
  return (
    <RecordPicker
      label="Account"
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      onSearch={s.onSearch}
      onOpenChange={s.onOpenChange}
      error={error}
      helperText={helperText}
    />
  );
}
