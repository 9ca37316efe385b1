import type { Client } from '../../../test/client';
import { clientAs, createContact, createDeal, createInteraction, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const FIELDS = `id type subject body occurredAt version deletedAt owner { id } contact { id } deal { id }`;
const CREATE = `mutation($input: CreateInteractionInput!) { createInteraction(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInteractionInput!, $v: Int) { updateInteraction(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteInteraction(id: $id) }`;
const RESTORE = `mutation($id: ID!) { restoreInteraction(id: $id) { id deletedAt } }`;
const GET = `query($id: ID!) { interaction(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: InteractionFilter) { interactions(first: 100, filter: $filter) { nodes { id deletedAt } } }`;
const DEAL_INTERACTIONS = `query($id: ID!) { deal(id: $id) { interactions(first: 10) { nodes { id subject occurredAt } } } }`;

async function badPaths(client: Client, query: string, variables: Record<string, unknown>): Promise<unknown[]> {
  const res = await client.request(query, variables);
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return (res.errors![0].extensions!.fields as { path: unknown[] }[]).map((f) => f.path);
}

/** A rep with a contact and a deal of their own. */
async function repWithRecords() {
  const rep = await clientAs(server, 'SALES_REP');
  const contact = await createContact(server.ds, rep.user.id);
  const deal = await createDeal(server.ds, rep.user.id);
  return { rep, contact, deal };
}

describe('createInteraction', () => {
  it('records an interaction with a contact and a deal, owned by the caller', async () => {
    const { rep, contact, deal } = await repWithRecords();
    const occurredAt = '2030-05-01T09:30:00.000Z';
    const input = { type: 'MEETING', subject: ' Kick-off ', body: 'Agenda…', occurredAt, contactId: contact.id, dealId: deal.id };
    const { createInteraction: i } = await rep.ok(CREATE, { input });
    expect(i).toMatchObject({
      type: 'MEETING',
      subject: 'Kick-off',
      body: 'Agenda…',
      occurredAt,
      version: 1,
      deletedAt: null,
      owner: { id: rep.user.id },
      contact: { id: contact.id },
      deal: { id: deal.id },
    });
  });

  it('defaults occurredAt to the time of writing and the deal to none', async () => {
    const { rep, contact } = await repWithRecords();
    const before = Date.now();
    const { createInteraction: i } = await rep.ok(CREATE, { input: { type: 'NOTE', subject: 'Note', contactId: contact.id } });
    const after = Date.now();
    const at = Date.parse(i.occurredAt);
    // Server and test share a clock; allow for timestamp rounding only.
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(after + 1000);
    expect(i.deal).toBeNull();
  });

  it.each(['CALL', 'EMAIL', 'MEETING', 'NOTE', 'SMS'])('accepts type %s', async (type) => {
    const { rep, contact } = await repWithRecords();
    expect((await rep.ok(CREATE, { input: { type, subject: 's', contactId: contact.id } })).createInteraction.type).toBe(type);
  });

  it('rejects an unknown type, a missing contact id and a malformed date before running (BAD_USER_INPUT)', async () => {
    const { rep, contact } = await repWithRecords();
    const cases = [
      { type: 'FAX', subject: 's', contactId: contact.id },
      { type: 'CALL', subject: 's' },
      { type: 'CALL', subject: 's', contactId: contact.id, occurredAt: 'yesterday' },
    ];
    for (const input of cases) expect(await rep.code(CREATE, { input })).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['an empty subject', { subject: '' }, 'subject'],
    ['a blank subject', { subject: '  ' }, 'subject'],
    ['a subject over 300 characters', { subject: 's'.repeat(301) }, 'subject'],
    ['a contact that does not exist', { contactId: '00000000-0000-4000-8000-000000000000' }, 'contactId'],
    ['an empty contact id', { contactId: '' }, 'contactId'],
    ['a deal that does not exist', { dealId: '00000000-0000-4000-8000-000000000000' }, 'dealId'],
    ['a deal id that is no UUID', { dealId: 'deal-1' }, 'dealId'],
    ['an empty deal id', { dealId: '' }, 'dealId'],
  ])('rejects %s at ["input", field] and writes nothing', async (_l, fields, field) => {
    const { rep, contact } = await repWithRecords();
    const subject = tag('Bad');
    expect(await badPaths(rep, CREATE, { input: { type: 'CALL', subject, contactId: contact.id, ...fields } })).toContainEqual(['input', field]);
    expect((await rep.ok(LIST, { filter: { subject: { eq: subject } } })).interactions.nodes).toEqual([]);
  });

  it('needs a contact and deal the caller can see, not in the trash', async () => {
    const { rep, contact, deal } = await repWithRecords();
    const other = await clientAs(server, 'SALES_REP');
    const theirContact = await createContact(server.ds, other.user.id);
    const theirDeal = await createDeal(server.ds, other.user.id);
    const trashedContact = await createContact(server.ds, rep.user.id, { deletedAt: new Date() });
    const trashedDeal = await createDeal(server.ds, rep.user.id, { deletedAt: new Date() });
    const base = { type: 'CALL', subject: 's' };
    expect(await badPaths(rep, CREATE, { input: { ...base, contactId: theirContact.id } })).toEqual([['input', 'contactId']]);
    expect(await badPaths(rep, CREATE, { input: { ...base, contactId: trashedContact.id } })).toEqual([['input', 'contactId']]);
    expect(await badPaths(rep, CREATE, { input: { ...base, contactId: contact.id, dealId: theirDeal.id } })).toEqual([['input', 'dealId']]);
    expect(await badPaths(rep, CREATE, { input: { ...base, contactId: contact.id, dealId: trashedDeal.id } })).toEqual([['input', 'dealId']]);
    expect((await rep.ok(CREATE, { input: { ...base, contactId: contact.id, dealId: deal.id } })).createInteraction.deal).toEqual({ id: deal.id });
  });

  it('is for sales roles only: FORBIDDEN for an accountant, hidden from a technician', async () => {
    const { rep, contact } = await repWithRecords();
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const tech = await clientAs(server, 'TECHNICIAN');
    const i = await createInteraction(server.ds, rep.user.id, { contactId: contact.id });
    expect(await accountant.code(CREATE, { input: { type: 'CALL', subject: 's', contactId: contact.id } })).toBe('FORBIDDEN');
    expect(await accountant.code(GET, { id: i.id })).toBe('FORBIDDEN');
    expect(await tech.code(GET, { id: i.id })).toBe('FORBIDDEN');
    const manager = await clientAs(server, 'SALES_MANAGER');
    expect((await manager.ok(GET, { id: i.id })).interaction).toMatchObject({ id: i.id, owner: { id: rep.user.id } });
  });
});

describe('updateInteraction', () => {
  it('changes given fields, clears the deal with null, and bumps the version', async () => {
    const { rep, contact, deal } = await repWithRecords();
    const i = await createInteraction(server.ds, rep.user.id, { contactId: contact.id, dealId: deal.id });
    const { updateInteraction: u } = await rep.ok(UPDATE, { id: i.id, input: { type: 'EMAIL', body: 'sent', dealId: null }, v: 1 });
    expect(u).toMatchObject({ type: 'EMAIL', subject: i.subject, body: 'sent', deal: null, contact: { id: contact.id }, version: 2 });
  });

  it.each([
    ['a null subject', { subject: null }, 'subject'],
    ['a null occurredAt', { occurredAt: null }, 'occurredAt'],
    ['a null contact', { contactId: null }, 'contactId'],
    ['a null type', { type: null }, 'type'],
    ['an invisible deal', { dealId: '00000000-0000-4000-8000-000000000000' }, 'dealId'],
    ['an empty contact id', { contactId: '' }, 'contactId'],
    ['a blank subject', { subject: '   ' }, 'subject'],
  ])('rejects %s at ["input", field]', async (_l, input, field) => {
    const { rep, contact } = await repWithRecords();
    const i = await createInteraction(server.ds, rep.user.id, { contactId: contact.id });
    expect(await badPaths(rep, UPDATE, { id: i.id, input })).toEqual([['input', field]]);
    expect((await rep.ok(GET, { id: i.id })).interaction.version).toBe(1);
  });

  it('fails with CONFLICT on a stale expectedVersion; NOT_FOUND for another rep', async () => {
    const { rep, contact } = await repWithRecords();
    const other = await clientAs(server, 'SALES_REP');
    const i = await createInteraction(server.ds, rep.user.id, { contactId: contact.id });
    await rep.ok(UPDATE, { id: i.id, input: { body: 'one' }, v: 1 });
    expect(await rep.code(UPDATE, { id: i.id, input: { body: 'two' }, v: 1 })).toBe('CONFLICT');
    expect(await other.code(UPDATE, { id: i.id, input: { body: 'three' } })).toBe('NOT_FOUND');
    expect((await other.ok(GET, { id: i.id })).interaction).toBeNull();
    expect((await rep.ok(GET, { id: i.id })).interaction).toMatchObject({ body: 'one', version: 2 });
  });
});

describe('trash and restore', () => {
  it('takes a deleted interaction out of lookups, lists and its deal, into the trash, and back', async () => {
    const { rep, contact, deal } = await repWithRecords();
    const i = await createInteraction(server.ds, rep.user.id, { contactId: contact.id, dealId: deal.id });
    await rep.ok(DELETE, { id: i.id });
    expect((await rep.ok(GET, { id: i.id })).interaction).toBeNull();
    expect((await rep.ok(LIST, { filter: { id: { eq: i.id } } })).interactions.nodes).toEqual([]);
    expect((await rep.ok(DEAL_INTERACTIONS, { id: deal.id })).deal.interactions.nodes).toEqual([]);
    expect((await rep.ok(LIST, { filter: { id: { eq: i.id }, deletedAt: { isNull: false } } })).interactions.nodes).toEqual([
      { id: i.id, deletedAt: expect.any(String) },
    ]);
    expect(await rep.code(UPDATE, { id: i.id, input: { body: 'x' } })).toBe('NOT_FOUND');
    expect(await rep.code(DELETE, { id: i.id })).toBe('NOT_FOUND');

    expect((await rep.ok(RESTORE, { id: i.id })).restoreInteraction).toEqual({ id: i.id, deletedAt: null });
    expect(await rep.code(RESTORE, { id: i.id })).toBe('NOT_FOUND');
    expect((await rep.ok(DEAL_INTERACTIONS, { id: deal.id })).deal.interactions.nodes.map((n: { id: string }) => n.id)).toEqual([i.id]);
  });

  it('keeps an interaction whose contact is trashed, still resolving the contact', async () => {
    const { rep, contact } = await repWithRecords();
    const i = await createInteraction(server.ds, rep.user.id, { contactId: contact.id });
    await rep.ok(`mutation($id: ID!) { deleteContact(id: $id) }`, { id: contact.id });
    const got = await rep.ok(`query($id: ID!) { interaction(id: $id) { id contact { id deletedAt } } }`, { id: i.id });
    expect(got.interaction).toEqual({ id: i.id, contact: { id: contact.id, deletedAt: expect.any(String) } });
  });
});

describe('Deal.interactions', () => {
  it('lists a deal’s interactions newest first (by occurredAt), other deals’ left out', async () => {
    const { rep, contact, deal } = await repWithRecords();
    const otherDeal = await createDeal(server.ds, rep.user.id);
    const at = (d: string) => new Date(`2029-0${d}T12:00:00Z`);
    const mid = await createInteraction(server.ds, rep.user.id, { contactId: contact.id, dealId: deal.id, occurredAt: at('3-01') });
    const old = await createInteraction(server.ds, rep.user.id, { contactId: contact.id, dealId: deal.id, occurredAt: at('1-01') });
    const { createInteraction: newest } = await rep.ok(CREATE, {
      input: { type: 'CALL', subject: 'latest', contactId: contact.id, dealId: deal.id, occurredAt: at('6-01').toISOString() },
    });
    await createInteraction(server.ds, rep.user.id, { contactId: contact.id, dealId: otherDeal.id, occurredAt: at('4-01') });
    const nodes = (await rep.ok(DEAL_INTERACTIONS, { id: deal.id })).deal.interactions.nodes;
    expect(nodes.map((n: { id: string }) => n.id)).toEqual([newest.id, mid.id, old.id]);
  });
});
