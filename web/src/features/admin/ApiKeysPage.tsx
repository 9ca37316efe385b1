import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { ApiKeysDocument, RevokeApiKeyDocument, type ApiKeyRowFragment } from '../../gql/graphql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyList, ListTable, type Column } from '../../components/ListTable';
import { useLoadMore } from '../../components/list-controls';
import { useNotify } from '../../components/Notifications';
import { formatDate } from '../../components/format';
import { ConfirmDialog } from './ConfirmDialog';
import { NoWrap } from './NoWrap';
import { ApiKeyFormDialog, type CreatedKey } from './ApiKeyFormDialog';
import { ApiKeySecretDialog } from './ApiKeySecretDialog';
import { actionErrorMessage, formatDateTime } from './admin-format';

export const API_KEYS_PAGE_SIZE = 25;
// The server lists keys newest first and takes no sort argument.
const NEWEST_FIRST = { field: 'CREATED_AT', direction: 'DESC' } as const;

function status(k: ApiKeyRowFragment) {
  if (k.revokedAt) return <Chip size="small" label={`Revoked ${formatDate(k.revokedAt)}`} />;
  if (k.expiresAt && new Date(k.expiresAt).getTime() <= Date.now()) return <Chip size="small" label="Expired" />;
  return <Chip size="small" label="Active" color="success" variant="outlined" />;
}

export function ApiKeysPage() {
  const notify = useNotify();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [revoking, setRevoking] = useState<{ open: boolean; key: ApiKeyRowFragment | null }>({ open: false, key: null });
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(ApiKeysDocument, { variables: { first: API_KEYS_PAGE_SIZE } });
  const [revoke, { loading: revokingNow }] = useMutation(RevokeApiKeyDocument);
  const conn = data?.apiKeys;
  const paging = useLoadMore(conn?.pageInfo, fetchMore);

  const confirmRevoke = async () => {
    const key = revoking.key;
    if (!key) return;
    setRevokeError(null);
    try {
      await revoke({ variables: { id: key.id } });
    } catch (err) {
      setRevokeError(actionErrorMessage(err));
      return;
    }
    setRevoking((r) => ({ ...r, open: false }));
    notify(`${key.name} revoked`);
  };

  const columns: Column<ApiKeyRowFragment, 'CREATED_AT'>[] = [
    { id: 'name', label: 'Name', render: (k) => k.name },
    { id: 'access', label: 'Access', render: (k) => (k.readOnly ? 'Read-only' : 'Read and write'), hideBelow: 'sm' },
    { id: 'status', label: 'Status', render: status },
    { id: 'created', label: 'Created', render: (k) => formatDate(k.createdAt), hideBelow: 'md' },
    { id: 'expires', label: 'Expires', render: (k) => <NoWrap>{k.expiresAt ? formatDateTime(k.expiresAt) : 'Never'}</NoWrap>, hideBelow: 'sm' },
    { id: 'lastUsed', label: 'Last used', render: (k) => <NoWrap>{formatDateTime(k.lastUsedAt, 'Never')}</NoWrap>, hideBelow: 'md' },
    {
      id: 'actions',
      label: 'Actions',
      render: (k) =>
        k.revokedAt ? null : (
          <Button
            size="small"
            color="error"
            aria-label={`Revoke ${k.name}`}
            onClick={() => {
              setRevokeError(null);
              setRevoking({ open: true, key: k });
            }}
          >
            Revoke
          </Button>
        ),
    },
  ];


  return (
    <>
      <PageHeader
        title="API keys"
        subtitle="Keys let integrations call the API as the user who created them. As an admin you see everyone's keys."
        actions={
          <Button variant="contained" onClick={() => setCreating(true)}>
            New API key
          </Button>
        }
      />
      <ListTable
        label="API keys"
        columns={columns}
        rows={conn?.edges.map((e) => e.node)}
        sort={NEWEST_FIRST}
        onSort={() => undefined}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        {...paging}
        totalCount={conn?.totalCount}
        rowSx={(k) => (k.revokedAt ? { '& td': { color: 'text.secondary' } } : undefined)}
        empty={<EmptyList title="No API keys yet." hint="Create one for each integration, so each can be revoked on its own." />}
      />
      <ApiKeyFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setCreated(c);
          void refetch();
        }}
      />
      <ApiKeySecretDialog created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        open={revoking.open}
        title={revoking.key ? `Revoke ${revoking.key.name}?` : 'Revoke key?'}
        confirmLabel="Revoke"
        busy={revokingNow}
        error={revokeError}
        onClose={() => setRevoking((r) => ({ ...r, open: false }))}
        onConfirm={() => void confirmRevoke()}
      >
        Integrations using this key stop working at once. A revoked key cannot be brought back.
      </ConfirmDialog>
    </>
  );
}
