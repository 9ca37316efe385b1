import type { ContactDetailQuery, ContactOptionsQuery, ContactsQuery } from '../../gql/graphql';
import {
  ContactDetailDocument,
  ContactOptionsDocument,
  ContactsDocument,
  CreateContactDocument,
  DeleteContactDocument,
  RestoreContactDocument,
  UpdateContactDocument,
} from '../../gql/contacts';
import {
  createdFilter,
  EmailLink,
  mineFilter,
  option,
  ownerColumn,
  ownerField,
  PhoneLink,
  phoneField,
  RecordLink,
  timelineOf,
  trashFilter,
  wordsFilter,
} from '../../components/kit/descriptors';
import { formatDate } from '../../components/kit/format';
import { formatPhone } from '../../components/kit/phone';
import type { EntityScreens, PickerOption } from '../../components/kit/types';

type Row = ContactsQuery['contacts']['edges'][number]['node'];
type Detail = NonNullable<ContactDetailQuery['contact']>;
type Named = { firstName: string; lastName: string };

export const contactName = (c: Named) => `${c.firstName} ${c.lastName}`;

/** A contact as a picker value; its account narrows the deals offered next to it. */
export function contactOption(c: Named & { id: string; email?: string | null; account?: { id: string; name: string } | null }): PickerOption {
  const detail = [c.account?.name, c.email].filter(Boolean).join(' · ');
  return { id: c.id, label: contactName(c), detail: detail || undefined, data: { account: c.account ? { id: c.account.id, name: c.account.name } : null } };
}

export const screens: EntityScreens = {
  list: {
    query: ContactsDocument,
    defaultSort: { field: 'LAST_NAME', direction: 'ASC' },
    sorts: { LAST_NAME: 'Last name', FIRST_NAME: 'First name', EMAIL: 'Email', CREATED_AT: 'Created', UPDATED_AT: 'Last changed' },
    filters: [
      { kind: 'text', label: 'Filter contacts', toFilter: wordsFilter(['firstName', 'lastName', 'email']) },
      mineFilter,
      { kind: 'relation', key: 'account', label: 'Account', field: 'account', describe: (c: Row) => c.account?.name },
      createdFilter,
      trashFilter,
    ],
    columns: [
      { id: 'name', label: 'Name', sortField: 'LAST_NAME', primary: true, render: (c: Row) => contactName(c) },
      { id: 'title', label: 'Title', render: (c: Row) => c.title ?? '—', hideBelow: 'md' },
      {
        id: 'account',
        label: 'Account',
        render: (c: Row) =>
          c.account ? (
            <RecordLink type="Account" id={c.account.id}>
              {c.account.name}
            </RecordLink>
          ) : (
            '—'
          ),
        hideBelow: 'sm',
      },
      { id: 'email', label: 'Email', sortField: 'EMAIL', render: (c: Row) => c.email ?? '—', hideBelow: 'md' },
      { id: 'phone', label: 'Phone', render: (c: Row) => (c.phone ? formatPhone(c.phone) : '—'), hideBelow: 'md' },
      ownerColumn,
    ],
    rowLabel: (c) => contactName(c as Row),
  },
  detail: {
    query: ContactDetailDocument,
    title: (c) => contactName(c as Detail),
    subtitle: (c) => [c.title, c.account?.name].filter(Boolean).join(' · ') || undefined,
    notFound: 'Contact not found',
    fields: (rec) => {
      const c = rec as Detail;
      return [
        { label: 'Title', value: c.title },
        {
          label: 'Account',
          value: c.account ? (
            <>
              <RecordLink type="Account" id={c.account.id}>
                {c.account.name}
              </RecordLink>
              {c.account.deletedAt ? ' (in the trash)' : ''}
            </>
          ) : null,
        },
        { label: 'Email', value: <EmailLink value={c.email} /> },
        { label: 'Phone', value: <PhoneLink value={c.phone} /> },
        { label: 'Owner', value: c.owner.name },
        { label: 'Created', value: formatDate(c.createdAt) },
        { label: 'Updated', value: formatDate(c.updatedAt) },
      ];
    },
    timeline: (c) => timelineOf(c as Detail),
  },
  form: {
    titles: { create: 'New contact', edit: (c) => `Edit ${contactName(c as Detail)}`, submit: 'Create contact' },
    // Mirrors CreateContactInput / UpdateContactInput on the server.
    fields: [
      { kind: 'text', name: 'firstName', label: 'First name', required: true, min: 1, max: 100, half: true, autoFocus: true },
      { kind: 'text', name: 'lastName', label: 'Last name', required: true, min: 1, max: 100, half: true },
      { kind: 'text', name: 'title', label: 'Title', max: 200, half: true },
      { kind: 'record', entity: 'Account', name: 'account', label: 'Account', half: true, from: (c) => option(c.account) },
      { kind: 'email', name: 'email', label: 'Email', max: 254, half: true },
      phoneField(),
      ownerField('Contact'),
    ],
  },
  picker: {
    query: ContactOptionsDocument,
    textFilter: (text) => (text ? wordsFilter(['firstName', 'lastName', 'email'])(text) : {}),
    options: (data) => (data as ContactOptionsQuery).contacts.edges.map(({ node }) => contactOption(node)),
  },
  documents: { create: CreateContactDocument, update: UpdateContactDocument, delete: DeleteContactDocument, restore: RestoreContactDocument },
};
