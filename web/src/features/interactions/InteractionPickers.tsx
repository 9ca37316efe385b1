import { useQuery } from '@apollo/client/react';
import { InteractionContactOptionsDocument, InteractionDealOptionsDocument, type DealFilter } from '../../gql/graphql';
import { stageLabel } from '../../components/format';
import { RecordPicker, usePickerSearch, type PickerOption } from '../contacts/RecordPicker';
import { contactTextFilter } from '../contacts/contact-filters';

export const OPTIONS_SIZE = 20;

/** A contact choice; its account narrows the deals offered next to it. */
export interface ContactOption extends PickerOption {
  account: { id: string; name: string } | null;
}

export interface DealOption extends PickerOption {
  accountId: string | null;
}

export function contactOption(c: { id: string; firstName: string; lastName: string; email?: string | null; account: { id: string; name: string } | null }): ContactOption {
  const detail = [c.account?.name, c.email].filter(Boolean).join(' · ');
  return { id: c.id, label: `${c.firstName} ${c.lastName}`, detail: detail || undefined, account: c.account ? { id: c.account.id, name: c.account.name } : null };
}

export function dealOptionsFilter(search: string, accountId: string | null | undefined): DealFilter {
  const filter: DealFilter = {};
  if (search) filter.name = { contains: search };
  if (accountId) filter.account = { id: { eq: accountId } };
  return filter;
}

interface PickerProps<T> {
  value: T | null;
  onChange(option: T | null): void;
  error?: boolean;
  helperText?: string;
}

export function ContactPicker({ value, onChange, error, helperText }: PickerProps<ContactOption>) {
  const s = usePickerSearch();
  const { data, previousData, loading } = useQuery(InteractionContactOptionsDocument, {
    variables: { filter: contactTextFilter(s.search), first: OPTIONS_SIZE },
    skip: !s.open,
    // Kept out of the cache: option rows must not mix with the list screens' pages of the same connection.
    fetchPolicy: 'no-cache',
  });
  const options = ((data ?? previousData)?.contacts.edges ?? []).map(({ node }) => contactOption(node));
  return (
    <RecordPicker
      label="Contact"
      required
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

/** Deals to link, narrowed to the chosen contact's account when it has one. */
export function DealPicker({ value, onChange, error, helperText, account }: PickerProps<DealOption> & { account: { id: string; name: string } | null }) {
  const s = usePickerSearch();
  const { data, previousData, loading } = useQuery(InteractionDealOptionsDocument, {
    variables: { filter: dealOptionsFilter(s.search, account?.id), first: OPTIONS_SIZE },
    skip: !s.open,
    // Kept out of the cache: option rows must not mix with the list screens' pages of the same connection.
    fetchPolicy: 'no-cache',
  });
  const options = ((data ?? previousData)?.deals.edges ?? []).map(({ node: d }) => ({
    id: d.id,
    label: d.name,
    detail: [stageLabel(d.stage), d.account?.name].filter(Boolean).join(' · '),
    accountId: d.account?.id ?? null,
  }));
  return (
    <RecordPicker
      label="Deal"
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      onSearch={s.onSearch}
      onOpenChange={s.onOpenChange}
      error={error}
      helperText={helperText ?? (account ? `Optional · deals of ${account.name}` : 'Optional')}
    />
  );
}
