import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { ApiKeyRowFragment, ApiKeysQuery } from '../../gql/graphql';
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from '../../gql/api-keys';
import { renderEntityPage, testUser } from '../../test/render';
import { endOfDay } from './api-key.screens';

// Dialog transitions and MockLink delays take longer on a busy machine than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

const admin = testUser('ADMIN', { id: 'u-admin', name: 'Ada Admin' });
const SECRET = 'cvk_live_0123456789abcdefSECRET';

function key(id: string, name: string, over: Partial<ApiKeyRowFragment> = {}): ApiKeyRowFragment {
  return {
    __typename: 'ApiKey',
    id,
    name,
    readOnly: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    ...over,
  };
}

function page(rows: ApiKeyRowFragment[], next: string | null, total = rows.length): { data: ApiKeysQuery } {
  return {
    data: {
      __typename: 'Query',
      apiKeys: {
        __typename: 'ApiKeyConnection',
        totalCount: total,
        edges: rows.map((node) => ({ __typename: 'ApiKeyEdge', cursor: `cursor-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: !!next, endCursor: next },
      },
    },
  };
}

const first = { first: 25, filter: {}, orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }] };

describe('API keys', () => {
  it('lists keys with their state and sends after for Load more', async () => {
    const second = jest.fn(() => page([key('k3', 'Old export', { revokedAt: '2026-01-05T00:00:00.000Z' })], null, 3));
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: ApiKeysDocument, variables: first },
        result: page([key('k1', 'Billing sync', { readOnly: true }), key('k2', 'Expired one', { expiresAt: '2026-01-02T00:00:00.000Z' })], 'c2', 3),
      },
      { request: { query: ApiKeysDocument, variables: { ...first, after: 'c2' } }, result: second },
    ];
    renderEntityPage('ApiKey', 'list', { user: admin, mocks });
    const table = await screen.findByRole('table', { name: 'API keys' });
    expect(await within(table).findByText('Billing sync')).toBeInTheDocument();
    expect(within(table).getByText('Read-only')).toBeInTheDocument();
    expect(within(table).getByText('Expired')).toBeInTheDocument();
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByText('Old export')).toBeInTheDocument();
    expect(second).toHaveBeenCalledTimes(1);
    expect(within(table).getByText(/^Revoked/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Revoke Old export' })).not.toBeInTheDocument();
    expect(screen.getByText('Showing 3 of 3')).toBeInTheDocument();
  });

  it('says when there are no keys yet', async () => {
    renderEntityPage('ApiKey', 'list', { user: admin, mocks: [{ request: { query: ApiKeysDocument, variables: first }, result: page([], null) }] });
    expect(await screen.findByText('No API keys yet.')).toBeInTheDocument();
  });

  it('shows the secret once after creating a key, and forgets it when closed', async () => {
    const created = key('k9', 'CI', { readOnly: true, expiresAt: endOfDay('2999-12-31').toISOString() });
    let stored: ApiKeyRowFragment[] = [];
    const sent = jest.fn(() => {
      stored = [created];
      return { data: { createApiKey: { __typename: 'ApiKeyWithSecret' as const, secret: SECRET, apiKey: created } } };
    });
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: ApiKeysDocument, variables: first }, result: () => page(stored, null), maxUsageCount: 5 },
      {
        request: { query: CreateApiKeyDocument, variables: { input: { name: 'CI', readOnly: true, expiresAt: endOfDay('2999-12-31').toISOString() } } },
        result: sent,
      },
    ];
    renderEntityPage('ApiKey', 'list', { user: admin, mocks });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'New API key' }));
    const form = await screen.findByRole('dialog', { name: 'New API key' });
    await u.type(within(form).getByLabelText(/Name/), 'CI');
    await u.type(within(form).getByLabelText('Expires on'), '2999-12-31');
    await u.click(within(form).getByRole('switch', { name: /Read-only/ }));
    await u.click(within(form).getByRole('button', { name: 'Create key' }));

    const secretDialog = await screen.findByRole('dialog', { name: /API key “CI” created/ });
    expect(sent).toHaveBeenCalledTimes(1);
    expect(within(secretDialog).getByLabelText('Secret')).toHaveValue(SECRET);
    expect(within(secretDialog).getByText(/It will not be shown again/)).toBeInTheDocument();
    await u.click(within(secretDialog).getByRole('button', { name: 'Copy secret' }));
    expect(await within(secretDialog).findByText('Copied to the clipboard.')).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe(SECRET);

    await u.click(within(secretDialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(SECRET);
    // The list shows the new key, never its secret.
    expect(await within(screen.getByRole('table', { name: 'API keys' })).findByText('CI')).toBeInTheDocument();
  });

  it('checks the form on the client: a name is required and the expiry must be in the future', async () => {
    const sent = jest.fn();
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: ApiKeysDocument, variables: first }, result: page([], null) },
      { request: { query: CreateApiKeyDocument, variables: () => true }, result: sent },
    ];
    renderEntityPage('ApiKey', 'list', { user: admin, mocks });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'New API key' }));
    const form = await screen.findByRole('dialog', { name: 'New API key' });
    await u.type(within(form).getByLabelText('Expires on'), '2001-01-01');
    await u.click(within(form).getByRole('button', { name: 'Create key' }));
    expect(await within(form).findByText('is required')).toBeInTheDocument();
    expect(within(form).getByText('must be in the future')).toBeInTheDocument();
    expect(sent).not.toHaveBeenCalled();
  });

  it('asks before revoking, sends revokeApiKey and shows the key as revoked', async () => {
    const sent = jest.fn(() => ({ data: { revokeApiKey: key('k1', 'Billing sync', { revokedAt: '2026-02-01T00:00:00.000Z' }) } }));
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: ApiKeysDocument, variables: first }, result: page([key('k1', 'Billing sync')], null) },
      { request: { query: RevokeApiKeyDocument, variables: { id: 'k1' } }, result: sent },
    ];
    renderEntityPage('ApiKey', 'list', { user: admin, mocks });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Revoke Billing sync' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke Billing sync?' });
    expect(sent).not.toHaveBeenCalled();
    await u.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const table = screen.getByRole('table', { name: 'API keys' });
    expect(await within(table).findByText(/^Revoked/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Revoke Billing sync' })).not.toBeInTheDocument();
  });
});
