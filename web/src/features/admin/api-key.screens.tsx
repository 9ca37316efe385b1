import { useMemo, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import type { ApiKeyRowFragment, ApiKeysQuery } from '../../gql/graphql';
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from '../../gql/api-keys';
import { createdFilter } from '../../components/kit/descriptors';
import { EntityFormDialog } from '../../components/kit/EntityFormDialog';
import { forgetLists } from '../../components/kit/forget-lists';
import { formatDate, formatDateTime } from '../../components/kit/format';
import type { EntityScreens } from '../../components/kit/types';
import { ApiKeySecretDialog, type CreatedKey } from './ApiKeySecretDialog';
import { useConfirmedStep } from './ConfirmDialog';
import { NoWrap } from './NoWrap';

/** The key stops working at the end of the chosen day (local time). */
export function endOfDay(date: string): Date {
  return new Date(`${date}T23:59:59.999`);
}

function status(k: ApiKeyRowFragment) {
  if (k.revokedAt) return <Chip size="small" label={`Revoked ${formatDate(k.revokedAt)}`} />;
  if (k.expiresAt && new Date(k.expiresAt).getTime() <= Date.now()) return <Chip size="small" label="Expired" />;
  return <Chip size="small" label="Active" color="success" variant="outlined" />;
}

function RevokeAction({ row }: { row: ApiKeyRowFragment }) {
  const [revoke, { loading }] = useMutation(RevokeApiKeyDocument, { update: (cache) => forgetLists(cache, 'ApiKey', 'edit') });
  const step = useConfirmedStep({
    title: `Revoke ${row.name}?`,
    confirmLabel: 'Revoke',
    busy: loading,
    run: () => revoke({ variables: { id: row.id } }),
    done: `${row.name} revoked`,
    body: 'Integrations using this key stop working at once. A revoked key cannot be brought back.',
  });
  if (row.revokedAt) return null;
  return (
    <>
      <Button size="small" color="error" aria-label={`Revoke ${row.name}`} onClick={step.ask}>
        Revoke
      </Button>
      {step.dialog}
    </>
  );
}

/** The one-time secret must live only in the dialog that shows it: created outside the cache. */
const createForm: EntityScreens = {
  form: {
    titles: { create: 'New API key', edit: () => 'API key', submit: 'Create key' },
    // Mirrors CreateApiKeyInput: a name, and an expiry in the future (or none).
    fields: [
      {
        kind: 'text',
        name: 'name',
        label: 'Name',
        required: true,
        min: 1,
        max: 100,
        autoFocus: true,
        helperText: () => 'What the key is for, e.g. "Billing sync".',
      },
      {
        kind: 'date',
        name: 'expiresOn',
        label: 'Expires on',
        future: true,
        helperText: () => 'Optional. The key stops working at the end of this day; leave empty for no expiry.',
      },
      { kind: 'switch', name: 'readOnly', label: 'Read-only (the key cannot change anything)' },
    ],
    toInput: (v) => ({ name: v.name, readOnly: v.readOnly, expiresAt: v.expiresOn ? endOfDay(String(v.expiresOn)).toISOString() : null }),
  },
};

/** "New API key": the form, then the secret shown once; the list then shows the key (never its secret). */
function ApiKeyCreateFlow({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(): void }) {
  const client = useApolloClient();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const screens = useMemo<EntityScreens>(
    () => ({
      form: {
        ...createForm.form!,
        save: async (input) => {
          const { data } = await client.mutate({ mutation: CreateApiKeyDocument, variables: { input: input as never }, fetchPolicy: 'no-cache' });
          forgetLists(client.cache, 'ApiKey');
          return { id: data!.createApiKey.apiKey.id, ...data!.createApiKey };
        },
      },
    }),
    [client],
  );
  return (
    <>
      <EntityFormDialog
        typeName="ApiKey"
        screens={screens}
        open={open}
        onClose={onClose}
        onSaved={(rec) => {
          setCreated(rec as unknown as CreatedKey);
          onDone();
        }}
      />
      <ApiKeySecretDialog created={created} onClose={() => setCreated(null)} />
    </>
  );
}

type Row = ApiKeysQuery['apiKeys']['edges'][number]['node'];

export const screens: EntityScreens = {
  list: {
    query: ApiKeysDocument,
    subtitle: "Keys let integrations call the API as the user who created them. As an admin you see everyone's keys.",
    defaultSort: { field: 'CREATED_AT', direction: 'DESC' },
    sorts: { CREATED_AT: 'Created', UPDATED_AT: 'Last changed' },
    filters: [
      {
        kind: 'boolean',
        key: 'status',
        label: 'Status',
        field: 'revokedAt',
        yes: { value: 'usable', label: 'Not revoked' },
        no: { value: 'revoked', label: 'Revoked' },
        toFilter: (usable) => ({ revokedAt: { isNull: usable } }),
      },
      createdFilter,
    ],
    columns: [
      { id: 'name', label: 'Name', render: (k: Row) => k.name },
      { id: 'access', label: 'Access', render: (k: Row) => (k.readOnly ? 'Read-only' : 'Read and write'), hideBelow: 'sm' },
      { id: 'status', label: 'Status', render: (k: Row) => status(k) },
      { id: 'created', label: 'Created', sortField: 'CREATED_AT', render: (k: Row) => formatDate(k.createdAt), hideBelow: 'md' },
      { id: 'expires', label: 'Expires', render: (k: Row) => <NoWrap>{k.expiresAt ? formatDateTime(k.expiresAt) : 'Never'}</NoWrap>, hideBelow: 'sm' },
      { id: 'lastUsed', label: 'Last used', render: (k: Row) => <NoWrap>{formatDateTime(k.lastUsedAt, 'Never')}</NoWrap>, hideBelow: 'md' },
    ],
    rowLabel: (k) => k.name,
    rowMuted: (k) => !!k.revokedAt,
    emptyHint: () => 'Create one for each integration, so each can be revoked on its own.',
    RowActions: RevokeAction,
    createDialog: ApiKeyCreateFlow,
  },
};
