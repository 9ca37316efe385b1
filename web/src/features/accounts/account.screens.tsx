import Link from '@mui/material/Link';
import type { AccountDetailQuery, AccountOptionsQuery, AccountsQuery } from '../../gql/graphql';
import {
  AccountDetailDocument,
  AccountOptionsDocument,
  AccountsDocument,
  CreateAccountDocument,
  DeleteAccountDocument,
  RestoreAccountDocument,
  UpdateAccountDocument,
} from '../../gql/accounts';
import { RelatedList } from '../../components/kit/DetailFields';
import {
  createdFilter,
  EmailLink,
  mineFilter,
  ownerColumn,
  ownerField,
  PhoneLink,
  phoneField,
  timelineOf,
  trashFilter,
} from '../../components/kit/descriptors';
import { enumLabel, formatDate, formatMoney } from '../../components/kit/format';
import { formatPhone } from '../../components/kit/phone';
import type { EntityScreens, KitContext } from '../../components/kit/types';

type Row = AccountsQuery['accounts']['edges'][number]['node'];
type Detail = NonNullable<AccountDetailQuery['account']>;

const seesCredit = (ctx: KitContext) => ctx.caps.sees('Account', 'creditLimit');

export const screens: EntityScreens = {
  list: {
    query: AccountsDocument,
    variables: (ctx) => ({ withCredit: seesCredit(ctx) }),
    defaultSort: { field: 'CREATED_AT', direction: 'DESC' },
    sorts: { NAME: 'Name', INDUSTRY: 'Industry', CREDIT_LIMIT: 'Credit limit', CREATED_AT: 'Created', UPDATED_AT: 'Last changed' },
    filters: (ctx) => [
      {
        kind: 'text',
        label: 'Filter accounts',
        toFilter: (q) => ({ or: [{ name: { contains: q } }, { industry: { contains: q } }, { email: { contains: q } }] }),
      },
      mineFilter,
      ...(seesCredit(ctx) ? [{ kind: 'moneyRange' as const, key: 'credit', label: 'Credit limit', field: 'creditLimit' }] : []),
      createdFilter,
      trashFilter,
    ],
    columns: [
      { id: 'name', label: 'Name', sortField: 'NAME', primary: true, render: (a: Row) => a.name },
      { id: 'industry', label: 'Industry', sortField: 'INDUSTRY', render: (a: Row) => a.industry ?? '—', hideBelow: 'sm' },
      { id: 'email', label: 'Email', render: (a: Row) => a.email ?? '—', hideBelow: 'md' },
      { id: 'phone', label: 'Phone', render: (a: Row) => (a.phone ? formatPhone(a.phone) : '—'), hideBelow: 'md' },
      {
        id: 'credit',
        label: 'Credit limit',
        field: 'creditLimit',
        sortField: 'CREDIT_LIMIT',
        align: 'right',
        render: (a: Row) => formatMoney(a.creditLimit),
        hideBelow: 'sm',
      },
      ownerColumn,
    ],
    rowLabel: (a) => a.name,
  },
  detail: {
    query: AccountDetailDocument,
    variables: (ctx) => ({ withCredit: seesCredit(ctx), withDeals: ctx.caps.canRead('Deal') }),
    title: (a) => a.name,
    subtitle: (a) => a.industry ?? undefined,
    notFound: 'Account not found',
    fields: (a) => [
      {
        label: 'Website',
        value: a.website ? (
          <Link href={/^https?:/i.test(a.website) ? a.website : `https://${a.website}`} target="_blank" rel="noopener noreferrer">
            {a.website}
          </Link>
        ) : null,
      },
      { label: 'Phone', value: <PhoneLink value={a.phone} /> },
      { label: 'Email', value: <EmailLink value={a.email} /> },
      { label: 'Credit limit', value: formatMoney(a.creditLimit), field: 'creditLimit' },
      { label: 'Billing address', value: a.billingAddress ? <span style={{ whiteSpace: 'pre-line' }}>{a.billingAddress}</span> : null },
      { label: 'Owner', value: a.owner.name },
      { label: 'Created', value: formatDate(a.createdAt) },
    ],
    timeline: (a) => timelineOf(a as Detail),
    sections: (rec) => {
      const a = rec as Detail;
      const sections = [
        {
          id: 'contacts',
          node: (
            <RelatedList
              title="Contacts"
              total={a.contacts.totalCount}
              items={a.contacts.edges.map((e) => e.node)}
              emptyText="No contacts yet."
              href={(c) => `/contacts/${c.id}`}
              primary={(c) => `${c.firstName} ${c.lastName}`}
              secondary={(c) => [c.title, c.email, c.phone && formatPhone(c.phone)].filter(Boolean).join(' · ')}
            />
          ),
        },
      ];
      if (a.deals) {
        sections.push({
          id: 'deals',
          node: (
            <RelatedList
              title="Deals"
              total={a.deals.totalCount}
              items={a.deals.edges.map((e) => e.node)}
              emptyText="No deals yet."
              href={(d) => `/deals/${d.id}`}
              primary={(d) => d.name}
              secondary={(d) => `${enumLabel(d.stage)} · ${formatMoney(d.amount)}${d.expectedCloseDate ? ` · closes ${formatDate(d.expectedCloseDate)}` : ''}`}
            />
          ),
        });
      }
      return sections;
    },
  },
  form: {
    titles: { create: 'New account', edit: (a) => `Edit ${a.name}`, submit: 'Create account' },
    variables: (ctx) => ({ withCredit: seesCredit(ctx) }),
    // Mirrors CreateAccountInput / UpdateAccountInput on the server.
    fields: [
      { kind: 'text', name: 'name', label: 'Name', required: true, min: 1, max: 200, autoFocus: true },
      { kind: 'text', name: 'industry', label: 'Industry', max: 100, half: true },
      { kind: 'url', name: 'website', label: 'Website', max: 300, half: true },
      phoneField(),
      { kind: 'email', name: 'email', label: 'Email', half: true },
      // Only those who manage accounts' credit set it (accountants read it but do not write accounts).
      { kind: 'money', name: 'creditLimit', label: 'Credit limit', half: true, visible: (ctx) => seesCredit(ctx) && ctx.caps.canAssignOwner('Account') },
      ownerField('Account'),
      { kind: 'multiline', name: 'billingAddress', label: 'Billing address', max: 1000 },
    ],
  },
  picker: {
    query: AccountOptionsDocument,
    textFilter: (text) => (text ? { name: { contains: text } } : {}),
    options: (data) => (data as AccountOptionsQuery).accounts.edges.map(({ node: a }) => ({ id: a.id, label: a.name, detail: a.industry ?? undefined })),
  },
  documents: { create: CreateAccountDocument, update: UpdateAccountDocument, delete: DeleteAccountDocument, restore: RestoreAccountDocument },
};
