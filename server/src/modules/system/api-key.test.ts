import { Client, gql } from '../../../test/client';
import { clientAs, createApiKeyRow, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name readOnly expiresAt lastUsedAt revokedAt } } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const KEYS = `{ apiKeys(first: 100) { nodes { id name readOnly lastUsedAt revokedAt } } }`;
const ME = `{ me { id role } }`;
const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id owner { id } } }`;

const codes = (res: { errors?: { extensions?: Record<string, any> }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);
/** A client that sends an API key secret as its bearer token. */
const viaKey = (owner: Client, secret: string) => new Client(server.url, secret, owner.user);

async function newKey(owner: Client, input: Record<string, unknown> = {}) {
  const data = await owner.ok(CREATE_KEY, { input: { name: tag('key'), ...input } });
  return data.createApiKey as { secret: string; apiKey: { id: string; name: string; readOnly: boolean; expiresAt: string | null } };
}

describe('createApiKey', () => {
  it('returns the secret once; only a hash is stored and no field exposes it later', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const name = tag('integration');
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const data = await rep.ok(CREATE_KEY, { input: { name, expiresAt, readOnly: true } });
    const { secret, apiKey } = data.createApiKey;
    expect(apiKey).toEqual({ id: expect.any(String), name, readOnly: true, expiresAt, lastUsedAt: null, revokedAt: null });
    expect(secret.length).toBeGreaterThanOrEqual(22); // ≥128 bits

    const [row] = await server.ds.query(`SELECT "secretHash", "userId" FROM "api_keys" WHERE "id" = $1`, [apiKey.id]);
    expect(row.userId).toBe(rep.user.id);
    expect(row.secretHash).not.toContain(secret);
    expect(secret).not.toContain(row.secretHash);

    const fields = (await rep.ok(`{ __type(name: "ApiKey") { fields { name } } }`)).__type.fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['id', 'name', 'readOnly', 'expiresAt', 'lastUsedAt', 'createdAt', 'revokedAt']));
    expect(fields.filter((f: string) => /secret|hash/i.test(f))).toEqual([]);
  });

  it('defaults to a writable key without expiry', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const { apiKey } = await newKey(rep);
    expect(apiKey).toMatchObject({ readOnly: false, expiresAt: null });
  });

  it('rejects an empty name and an expiry in the past with field errors', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    for (const [input, field] of [
      [{ name: '' }, 'name'],
      [{ name: 'late', expiresAt: new Date(Date.now() - 60_000).toISOString() }, 'expiresAt'],
    ] as const) {
      const res = await rep.request(CREATE_KEY, { input });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.fields).toEqual([{ path: ['input', field], message: expect.any(String) }]);
    }
  });

  it('needs a signed-in session: an API key cannot create or revoke keys', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const { secret, apiKey } = await newKey(rep);
    const key = viaKey(rep, secret);
    expect(await key.code(CREATE_KEY, { input: { name: 'spawned' } })).toBe('FORBIDDEN');
    expect(await key.code(REVOKE_KEY, { id: apiKey.id })).toBe('FORBIDDEN');
    expect((await rep.ok(KEYS)).apiKeys.nodes).toEqual([expect.objectContaining({ id: apiKey.id, revokedAt: null })]);
  });

  it('is refused to anonymous callers', async () => {
    const res = await gql(server.url, CREATE_KEY, { input: { name: 'anon' } });
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('authenticating with an API key', () => {
  it('acts as the key’s creator, also for writes, and records when it was used', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const { secret, apiKey } = await newKey(manager);
    const key = viaKey(manager, secret);
    expect((await key.ok(ME)).me).toEqual({ id: manager.user.id, role: 'SALES_MANAGER' });

    const created = await key.ok(CREATE_ACCOUNT, { input: { name: tag('ViaKey') } });
    expect(created.createAccount.owner.id).toBe(manager.user.id);

    const listed = (await manager.ok(KEYS)).apiKeys.nodes.find((k: { id: string }) => k.id === apiKey.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('refuses an expired key', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const expired = await createApiKeyRow(server.ds, rep.user.id, { expiresAt: new Date(Date.now() - 1000) });
    expect(await viaKey(rep, expired.secret).code(ME)).toBe('UNAUTHENTICATED');
    const live = await createApiKeyRow(server.ds, rep.user.id, { expiresAt: new Date(Date.now() + 3600_000) });
    expect((await viaKey(rep, live.secret).ok(ME)).me.id).toBe(rep.user.id);
  });

  it('does not end with `logout`, which only ends sessions', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const { secret } = await newKey(rep);
    const key = viaKey(rep, secret);
    expect((await key.ok(`mutation { logout }`)).logout).toBe(false);
    expect((await key.ok(ME)).me.id).toBe(rep.user.id);
  });
});

describe('read-only keys', () => {
  const T = `fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;
  type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
  type InputField = { name: string; type: TypeRef; defaultValue: string | null };
  const SCALARS: Record<string, string> = {
    ID: '"00000000-0000-4000-8000-000000000000"',
    String: '"x"',
    Int: '1',
    Float: '1',
    Boolean: 'false',
    Money: '"1.00"',
    DateTimeISO: '"2030-01-01T00:00:00.000Z"',
    LocalDate: '"2030-01-01"',
    Date: '"2030-01-01"',
    JSON: '{}',
    JSONObject: '{}',
  };

  /** One syntactically valid call of every mutation (required arguments only), built from introspection. */
  async function everyMutation(admin: Client): Promise<{ name: string; doc: string }[]> {
    const data = await admin.ok(`{ __schema {
      mutationType { fields { name type { ...T } args { name defaultValue type { ...T } } } }
      types { name kind enumValues { name } inputFields { name defaultValue type { ...T } } }
    } } ${T}`);
    const types = new Map<string, { kind: string; enumValues: { name: string }[] | null; inputFields: InputField[] | null }>(
      data.__schema.types.map((t: { name: string }) => [t.name, t]),
    );
    const required = (f: InputField) => f.type.kind === 'NON_NULL' && f.defaultValue === null;
    const literal = (t: TypeRef): string => {
      if (t.kind === 'NON_NULL') return literal(t.ofType!);
      if (t.kind === 'LIST') return '[]';
      const named = types.get(t.name!)!;
      if (named.kind === 'ENUM') return named.enumValues![0].name;
      if (named.kind === 'INPUT_OBJECT')
        return `{ ${named
          .inputFields!.filter(required)
          .map((f) => `${f.name}: ${literal(f.type)}`)
          .join(', ')} }`;
      return SCALARS[t.name!] ?? '"x"';
    };
    const leaf = (t: TypeRef): TypeRef => (t.ofType ? leaf(t.ofType) : t);
    return data.__schema.mutationType.fields.map((m: { name: string; type: TypeRef; args: InputField[] }) => {
      const args = m.args.filter(required).map((a) => `${a.name}: ${literal(a.type)}`);
      const selection = ['SCALAR', 'ENUM'].includes(leaf(m.type).kind) ? '' : ' { __typename }';
      return { name: m.name, doc: `mutation { ${m.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }` };
    });
  }

  it('can read', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const { secret } = await newKey(manager, { readOnly: true });
    const key = viaKey(manager, secret);
    expect((await key.ok(ME)).me.id).toBe(manager.user.id);
    const res = await key.request(`{ accounts(first: 1) { nodes { id } } users(first: 1) { nodes { id } } apiKeys { nodes { id readOnly } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.apiKeys.nodes).toEqual([expect.objectContaining({ readOnly: true })]);
  });

  it('is refused every mutation, even for an ADMIN', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const { secret } = await newKey(admin, { readOnly: true });
    const key = viaKey(admin, secret);
    // `login` takes no credentials from the caller and `logout` ends no key (see above).
    const mutations = (await everyMutation(admin)).filter((m) => !['login', 'logout'].includes(m.name));
    expect(mutations.map((m) => m.name)).toEqual(
      expect.arrayContaining(['createAccount', 'createUser', 'updateUser', 'createApiKey', 'revokeApiKey', 'moveDealStage', 'createAccounts']),
    );
    const outcomes: Record<string, string[]> = {};
    for (const m of mutations) outcomes[m.name] = codes(await key.request(m.doc));
    expect(outcomes).toEqual(Object.fromEntries(mutations.map((m) => [m.name, ['FORBIDDEN']])));
    // Control: the same call through a writable key of the same admin gets past the permission check.
    const writable = viaKey(admin, (await newKey(admin)).secret);
    expect(codes(await writable.request(mutations.find((m) => m.name === 'updateUser')!.doc))).toEqual(['NOT_FOUND']);
  });
});

describe('revokeApiKey', () => {
  it('revokes one of the caller’s keys, which then stops working', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const revoked = await newKey(rep);
    const kept = await newKey(rep);
    expect((await viaKey(rep, revoked.secret).ok(ME)).me.id).toBe(rep.user.id);

    const data = await rep.ok(REVOKE_KEY, { id: revoked.apiKey.id });
    expect(data.revokeApiKey).toEqual({ id: revoked.apiKey.id, revokedAt: expect.any(String) });
    expect(await viaKey(rep, revoked.secret).code(ME)).toBe('UNAUTHENTICATED');
    expect((await viaKey(rep, kept.secret).ok(ME)).me.id).toBe(rep.user.id);

    // Revoking again is harmless and keeps the first revocation time.
    expect((await rep.ok(REVOKE_KEY, { id: revoked.apiKey.id })).revokeApiKey.revokedAt).toBe(data.revokeApiKey.revokedAt);
  });

  it('answers NOT_FOUND for someone else’s key, which keeps working', async () => {
    const owner = await clientAs(server, 'SALES_REP');
    const { secret, apiKey } = await newKey(owner);
    for (const role of ['SALES_REP', 'SALES_MANAGER'] as const) {
      const other = await clientAs(server, role);
      expect(await other.code(REVOKE_KEY, { id: apiKey.id })).toBe('NOT_FOUND');
    }
    expect((await viaKey(owner, secret).ok(ME)).me.id).toBe(owner.user.id);
  });

  it('answers NOT_FOUND for an unknown key', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    expect(await rep.code(REVOKE_KEY, { id: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
  });

  it('lets an ADMIN revoke anyone’s key', async () => {
    const owner = await clientAs(server, 'SALES_REP');
    const admin = await clientAs(server, 'ADMIN');
    const { secret, apiKey } = await newKey(owner);
    await admin.ok(REVOKE_KEY, { id: apiKey.id });
    expect(await viaKey(owner, secret).code(ME)).toBe('UNAUTHENTICATED');
  });
});

describe('apiKeys', () => {
  it('lists only the caller’s own keys, newest first; an ADMIN sees everyone’s', async () => {
    const a = await clientAs(server, 'SALES_REP');
    const b = await clientAs(server, 'ACCOUNTANT');
    const a1 = await newKey(a);
    const a2 = await newKey(a, { readOnly: true });
    const b1 = await newKey(b);

    expect((await a.ok(KEYS)).apiKeys.nodes.map((k: { id: string }) => k.id)).toEqual([a2.apiKey.id, a1.apiKey.id]);
    expect((await b.ok(KEYS)).apiKeys.nodes.map((k: { id: string }) => k.id)).toEqual([b1.apiKey.id]);

    const admin = await clientAs(server, 'ADMIN');
    const all = (await admin.ok(KEYS)).apiKeys.nodes.map((k: { id: string }) => k.id);
    expect(all).toEqual(expect.arrayContaining([a1.apiKey.id, a2.apiKey.id, b1.apiKey.id]));
  });

  it('is refused to anonymous callers', async () => {
    expect(codes(await gql(server.url, KEYS))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('activity through an API key', () => {
  const ACTIVITY = `query($id: ID!) { activityLog(last: 20, filter: { entityId: { eq: $id } }) { nodes { action entityType actor { id name } viaApiKey { id name } } } }`;

  /** The log serves only entries below the snapshot horizon; a concurrent transaction can hold that back briefly. */
  async function entriesAbout(admin: Client, id: string, expected: number) {
    for (let attempt = 0; ; attempt++) {
      const nodes = (await admin.ok(ACTIVITY, { id })).activityLog.nodes;
      if (nodes.length >= expected || attempt === 50) return nodes;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('names the key owner as actor and the key as viaApiKey', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const admin = await clientAs(server, 'ADMIN');
    const { secret, apiKey } = await newKey(rep);
    const account = (await viaKey(rep, secret).ok(CREATE_ACCOUNT, { input: { name: tag('Logged') } })).createAccount;

    expect(await entriesAbout(admin, account.id, 1)).toEqual([
      { action: 'CREATED', entityType: 'Account', actor: { id: rep.user.id, name: rep.user.name }, viaApiKey: { id: apiKey.id, name: apiKey.name } },
    ]);
    // The key itself was created in a session: no key on that entry.
    expect(await entriesAbout(admin, apiKey.id, 1)).toEqual([
      { action: 'CREATED', entityType: 'ApiKey', actor: { id: rep.user.id, name: rep.user.name }, viaApiKey: null },
    ]);
  });
});
