import { randomUUID } from 'node:crypto';
import { Client } from '../../../test/client';
import { anonymous, clientAs, createAccount, tag } from '../../../test/factories';
import { clearRedisPrefix, JOB_MODES, startTestJobs, testRedisPrefix, waitFor } from '../../../test/jobs';
import { pdfText } from '../../../test/pdf';
import { startTestServer, TestServer } from '../../../test/server';
import { countStatements } from '../../../test/sql-counter';
import { disposeSockets, subscribed, useWsServer } from '../../../test/ws';
import type { Context } from '../context';
import { newRequestScope, requestScope } from '../http/request-context';
import { inTransaction } from '../events/unit-of-work';
import type { JobSystem } from '../jobs/job-system';
import { Loaders } from '../loaders/loaders';
import { registerDocumentKind, unregisterDocumentKind } from './document-kinds';
import { documentLink } from './document-link';
import { renderDocument, renderDocumentJob } from './document.job';
import { documentService } from './document.service';
import { pdfRenderer } from './pdf-renderer';

// Documents rendered by the job workers with the system Chromium, read through GraphQL as given
// users and downloaded through signed links, with test kinds made from accounts.
const PUBLIC_URL = 'https://crm.converge.test';
let server: TestServer;
let manager: Client;
let admin: Client;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const accountName = async (ctx: Context, id: string): Promise<string | null> =>
  (await ctx.ds.query(`SELECT "name" FROM "accounts" WHERE "id" = $1`, [id]))[0]?.name ?? null;

let flakyFailures = 0;
const KINDS = [
  registerDocumentKind({
    kind: 'account-sheet',
    entityType: 'Account',
    title: 'Account sheet',
    async render(ctx, id) {
      const name = await accountName(ctx, id);
      return name === null ? null : { html: `<html><body><h1>${escapeHtml(name)}</h1><p>Account sheet</p></body></html>`, filename: `${name}.pdf` };
    },
  }),
  registerDocumentKind({ kind: 'account-hang', entityType: 'Account', timeoutMs: 300, render: () => new Promise(() => undefined) }),
  registerDocumentKind({
    kind: 'account-huge',
    entityType: 'Account',
    timeoutMs: 200,
    // Far more layout and printing than fits in 200 ms.
    render: async () => ({ html: `<table>${'<tr><td>row</td><td>of a very long table</td></tr>'.repeat(100_000)}</table>`, filename: 'huge.pdf' }),
  }),
  registerDocumentKind({
    kind: 'account-flaky',
    entityType: 'Account',
    async render(ctx, id) {
      if (flakyFailures-- > 0) throw new Error('The template could not read its data');
      return { html: `<p>${escapeHtml((await accountName(ctx, id)) ?? '')}</p>`, filename: 'flaky.pdf' };
    },
  }),
];

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL });
  useWsServer(server);
  manager = await clientAs(server, 'SALES_MANAGER');
  admin = await clientAs(server, 'ADMIN');
});
afterAll(async () => {
  for (const k of KINDS) unregisterDocumentKind(k.kind);
  await disposeSockets();
  await pdfRenderer.close();
  await server.stop();
});

/** The user's request context, as the API builds it. */
function contextOf(c: Client): Context {
  const { id, name, role } = c.user;
  const principal = { userId: id, name, role, sessionId: null, apiKeyId: null, apiKeyName: null, readOnly: false, expiresAt: null };
  return { requestId: randomUUID(), ip: '127.0.0.1', principal, ds: server.ds, loaders: new Loaders(), token: c.token };
}

/** What a module's command does: queue the document in its own transaction, as the caller. */
async function queue(c: Client, kind: string, entityId: string): Promise<string> {
  const ctx = contextOf(c);
  return (await inTransaction(ctx, (uow) => documentService.queue(ctx, uow, { kind, entityId }))).id;
}

const DOC = `query($id: ID!) { document(id: $id) { id status url contentType error } }`;
const readDoc = async (c: Client, id: string) => (await c.ok(DOC, { id })).document;
const statusOf = async (id: string) => (await server.ds.query(`SELECT "status" FROM "documents" WHERE "id" = $1`, [id]))[0]?.status;
const jobOf = async (documentId: string) => (await server.ds.query(`SELECT * FROM "outbox" WHERE "payload"->>'documentId' = $1`, [documentId]))[0];

/** The document's activity entries as `c` sees them: "ACTION from→to" of its status. */
async function progress(c: Client, id: string): Promise<string[]> {
  const data = await c.ok(`query($id: ID!) { activityLog(first: 50, filter: { entityId: { eq: $id } }) { nodes { action entityType changes } } }`, { id });
  return data.activityLog.nodes.map((n: { action: string; entityType: string; changes: Record<string, { from: unknown; to: unknown }> }) => {
    expect(n.entityType).toBe('Document');
    return `${n.action} ${n.changes.status ? `${n.changes.status.from}→${n.changes.status.to}` : '-'}`;
  });
}

/** `progress` once it has `count` entries (entries of a just-committed transaction may trail a moment). */
const progressOf = (c: Client, id: string, count: number) =>
  waitFor(`${count} activity entries`, async () => ((await progress(c, id)).length >= count ? progress(c, id) : null));

/** A link as the server hands it out (PUBLIC_URL), fetched from this test server: no Authorization header. */
function download(url: string): Promise<Response> {
  expect(url.startsWith(`${PUBLIC_URL}/documents/`)).toBe(true);
  const link = new URL(url);
  return fetch(server.url.replace(/\/graphql$/, '') + link.pathname + link.search);
}

describe.each(JOB_MODES)('rendering a document (%s)', (mode) => {
  let jobs: JobSystem;
  let prefix: string;
  beforeAll(() => {
    prefix = testRedisPrefix();
    jobs = startTestJobs(server.ds, mode, { jobs: [renderDocumentJob as never], prefix, policy: { attempts: 2, backoffMs: 20 } });
  });
  afterAll(async () => {
    await jobs.stop(5000);
    if (mode === 'bull') await clearRedisPrefix(prefix);
  });

  it('goes QUEUED → RENDERING → READY in the activity log; the signed link downloads the PDF with no Authorization header', async () => {
    const name = tag('Müller & Söhne <Holdings>');
    const account = await createAccount(server.ds, manager.user.id, { name });
    const id = await queue(manager, 'account-sheet', account.id);
    await waitFor('the document to be READY', async () => (await statusOf(id)) === 'READY');

    expect(await progressOf(manager, id, 3)).toEqual(['CREATED null→QUEUED', 'UPDATED QUEUED→RENDERING', 'UPDATED RENDERING→READY']);
    // The job is marked done once its handler's transaction (which made the document READY) has committed.
    expect(await waitFor('the job to be done', async () => ((await jobOf(id))?.state === 'DONE' ? jobOf(id) : null))).toMatchObject({
      queue: 'documents.render',
      state: 'DONE',
      attempts: 1,
    });
    const doc = await readDoc(manager, id);
    expect(doc).toEqual({
      id,
      status: 'READY',
      url: expect.stringMatching(/\/documents\/[0-9a-f-]{36}\?expires=\d+&sig=[\w-]{43}$/),
      contentType: 'application/pdf',
      error: null,
    });

    const res = await download(doc.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    // An ASCII name for old clients, the exact one for the rest.
    const filename = `${name}.pdf`;
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain(name); // escaped in the HTML, printed as written
  });
});

describe('signed links', () => {
  let id: string;
  beforeAll(async () => {
    const account = await createAccount(server.ds, manager.user.id);
    id = await queue(manager, 'account-sheet', account.id);
    await renderDocument(server.ds, id);
  });

  const get = async (path: string) => {
    const res = await fetch(server.url.replace(/\/graphql$/, '') + path);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text(), cache: res.headers.get('cache-control') };
  };
  const pathOf = (url: string) => url.slice(PUBLIC_URL.length);

  it('refuses a tampered, foreign, expired or missing signature with a plain 403', async () => {
    const good = pathOf(await documentLink(server.ds, id));
    expect((await get(good)).status).toBe(200);
    const sig = new URL(good, PUBLIC_URL).searchParams.get('sig')!;
    const expires = Number(new URL(good, PUBLIC_URL).searchParams.get('expires'));
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    const otherId = randomUUID();
    const expired = pathOf(await documentLink(server.ds, id, Date.now() - 301_000));
    for (const path of [
      good.replace(sig, flipped),
      good.replace(`expires=${expires}`, `expires=${expires + 3600}`), // a longer life is a different signature
      good.replace(id, otherId), // another document with this one's signature
      expired,
      `/documents/${id}`,
      `/documents/${id}?expires=${expires}`,
      `/documents/not-an-id?expires=${expires}&sig=${sig}`,
    ]) {
      const res = await get(path);
      expect({ path, status: res.status, type: res.type, body: res.body }).toEqual({
        path,
        status: 403,
        type: expect.stringMatching(/^text\/plain/),
        body: 'This download link is invalid or has expired',
      });
      expect(res.cache).toBe('private, no-store');
    }
  });

  it('answers 404 for a well-signed link to a document that does not exist or is not ready', async () => {
    const missing = await get(pathOf(await documentLink(server.ds, randomUUID())));
    expect(missing).toMatchObject({ status: 404, body: 'No such document', type: expect.stringMatching(/^text\/plain/) });
    const account = await createAccount(server.ds, manager.user.id);
    const queued = await queue(manager, 'account-sheet', account.id);
    expect((await get(pathOf(await documentLink(server.ds, queued)))).status).toBe(404);
    expect((await readDoc(manager, queued)).url).toBeNull(); // and no link is handed out before READY
  });

  it('gives links that expire five minutes after they are issued', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { url } = await readDoc(manager, id);
    const expires = Number(new URL(url).searchParams.get('expires'));
    expect(expires - before).toBeGreaterThanOrEqual(299);
    expect(expires - before).toBeLessThanOrEqual(301);
  });
});

describe('who may read a document: whoever may read its account', () => {
  it('document(id) is null for users who may not read the account, and so are its activity entries', async () => {
    const [owner, otherRep, accountant, technician] = await Promise.all(
      (['SALES_REP', 'SALES_REP', 'ACCOUNTANT', 'TECHNICIAN'] as const).map((r) => clientAs(server, r)),
    );
    const account = await createAccount(server.ds, owner.user.id);
    const id = await queue(owner, 'account-sheet', account.id);

    for (const c of [owner, manager, accountant]) expect(await readDoc(c, id)).toMatchObject({ id, status: 'QUEUED', url: null });
    for (const c of [otherRep, technician]) expect(await readDoc(c, id)).toBeNull();
    expect(await progressOf(owner, id, 1)).toEqual(['CREATED null→QUEUED']);
    expect(await progressOf(accountant, id, 1)).toEqual(['CREATED null→QUEUED']);
    for (const c of [otherRep, technician]) expect(await progress(c, id)).toEqual([]);

    // Handing the account over moves the document with it.
    await server.ds.query(`UPDATE "accounts" SET "ownerId" = $1 WHERE "id" = $2`, [otherRep.user.id, account.id]);
    expect(await readDoc(otherRep, id)).toMatchObject({ id });
    expect(await readDoc(owner, id)).toBeNull();
  });

  it('latest(kind, record) is the newest document of that kind, for those who may read the record', async () => {
    const [owner, otherRep] = await Promise.all([clientAs(server, 'SALES_REP'), clientAs(server, 'SALES_REP')]);
    const account = await createAccount(server.ds, owner.user.id);
    await queue(owner, 'account-sheet', account.id);
    const newest = await queue(owner, 'account-sheet', account.id);
    const other = await createAccount(server.ds, owner.user.id);
    const ownerCtx = contextOf(owner);
    const [mine, none] = await Promise.all([
      documentService.latest(ownerCtx, 'account-sheet', account.id),
      documentService.latest(ownerCtx, 'account-sheet', other.id),
    ]);
    expect(mine?.id).toBe(newest);
    expect(none).toBeNull();
    expect(await documentService.latest(ownerCtx, 'account-flaky', account.id)).toBeNull();
    expect(await documentService.latest(contextOf(otherRep), 'account-sheet', account.id)).toBeNull();
  });

  it('is null for an unknown id or one that is not an id; refused without signing in', async () => {
    expect(await readDoc(manager, randomUUID())).toBeNull();
    expect(await readDoc(manager, 'nope')).toBeNull();
    expect(await anonymous(server).code(DOC, { id: randomUUID() })).toBe('UNAUTHENTICATED');
  });

  it('queueing for an account the caller may not read is NOT_FOUND and writes nothing', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, manager.user.id);
    await expect(queue(rep, 'account-sheet', account.id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(queue(manager, 'account-sheet', randomUUID())).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await server.ds.query(`SELECT 1 FROM "documents" WHERE "entityId" = $1`, [account.id])).toEqual([]);
  });

  it('delivers live progress to the account owner and not to another rep', async () => {
    const [owner, otherRep] = await Promise.all([clientAs(server, 'SALES_REP'), clientAs(server, 'SALES_REP')]);
    // A subscription is live once an own document's entry arrives through it.
    const probe = async (c: Client) => queue(c, 'account-sheet', (await createAccount(server.ds, c.user.id)).id);
    const filter = { entityType: { eq: 'Document' } };
    const [ownerSub, otherSub] = [await subscribed(owner, filter, probe), await subscribed(otherRep, filter, probe)];
    const id = await queue(owner, 'account-sheet', (await createAccount(server.ds, owner.user.id)).id);
    expect(await ownerSub.next()).toMatchObject({ entityType: 'Document', entityId: id, action: 'CREATED', changes: { status: { from: null, to: 'QUEUED' } } });
    await otherSub.expectQuiet(500);
  });
});

describe('failures', () => {
  let jobs: JobSystem | undefined;
  const start = (attempts = 2) => {
    jobs = startTestJobs(server.ds, 'in-process', { jobs: [renderDocumentJob as never], policy: { attempts, backoffMs: 20 } });
  };
  afterEach(async () => {
    await jobs?.stop(5000);
    jobs = undefined;
  });
  const failed = async (id: string) => {
    await waitFor('the document to fail', async () => (await statusOf(id)) === 'FAILED');
    return readDoc(manager, id);
  };

  it('a template that never finishes is FAILED with the reason once the attempts are used up', async () => {
    start(2);
    const id = await queue(manager, 'account-hang', (await createAccount(server.ds, manager.user.id)).id);
    expect(await failed(id)).toEqual({
      id,
      status: 'FAILED',
      url: null,
      contentType: 'application/pdf',
      error: 'Gave up after 2 attempts: The account-hang template did not finish within the render time limit of 300 ms',
    });
    expect(await progressOf(manager, id, 3)).toEqual(['CREATED null→QUEUED', 'UPDATED QUEUED→RENDERING', 'UPDATED RENDERING→FAILED']);
    expect(await waitFor('the job to be dead', async () => ((await jobOf(id))?.state === 'DEAD' ? jobOf(id) : null))).toMatchObject({
      state: 'DEAD',
      attempts: 2,
    });
  });

  it('a PDF Chromium cannot print in time is FAILED with the reason; the browser keeps serving', async () => {
    start(1);
    const id = await queue(manager, 'account-huge', (await createAccount(server.ds, manager.user.id)).id);
    expect((await failed(id)).error).toBe('Chromium did not finish the PDF within the render time limit of 200 ms');
    const next = await queue(manager, 'account-sheet', (await createAccount(server.ds, manager.user.id)).id);
    await waitFor('the next document to be READY', async () => (await statusOf(next)) === 'READY');
  });

  it('an account that is gone fails the document at once, without retrying', async () => {
    const account = await createAccount(server.ds, manager.user.id);
    const id = await queue(manager, 'account-sheet', account.id);
    await server.ds.query(`DELETE FROM "accounts" WHERE "id" = $1`, [account.id]);
    start(5); // only now: the account is gone before the render begins
    await waitFor('the document to fail', async () => (await statusOf(id)) === 'FAILED');
    // Nobody reads it through GraphQL any more (its account is gone): the row says why.
    expect(await readDoc(manager, id)).toBeNull();
    const [row] = await server.ds.query(`SELECT "error" FROM "documents" WHERE "id" = $1`, [id]);
    expect(row.error).toBe(`Account ${account.id} no longer exists`);
    await waitFor('the job to be dead', async () => (await jobOf(id))?.state === 'DEAD');
    expect((await jobOf(id)).attempts).toBe(1);
  });

  it('an admin retrying the dead job queues the document again, and it renders', async () => {
    start(1);
    flakyFailures = 1;
    const id = await queue(manager, 'account-flaky', (await createAccount(server.ds, manager.user.id)).id);
    expect((await failed(id)).error).toBe('The template could not read its data');
    const job = await jobOf(id);
    await admin.ok(`mutation($id: ID!) { retryJob(id: $id) { id state } }`, { id: job.id });
    await waitFor('the document to be READY', async () => (await statusOf(id)) === 'READY');
    expect(await progressOf(manager, id, 6)).toEqual([
      'CREATED null→QUEUED',
      'UPDATED QUEUED→RENDERING',
      'UPDATED RENDERING→FAILED',
      'UPDATED FAILED→QUEUED',
      'UPDATED QUEUED→RENDERING',
      'UPDATED RENDERING→READY',
    ]);
  });
});

describe('the browser', () => {
  it('is replaced after it was killed between two renders', async () => {
    const first = await queue(manager, 'account-sheet', (await createAccount(server.ds, manager.user.id)).id);
    await renderDocument(server.ds, first);
    const browser = pdfRenderer.currentBrowser()!;
    const pid = browser.process()!.pid;
    browser.process()!.kill('SIGKILL');
    await waitFor('the browser to go away', () => !browser.connected);

    const name = tag('After the crash');
    const second = await queue(manager, 'account-sheet', (await createAccount(server.ds, manager.user.id, { name })).id);
    await renderDocument(server.ds, second);
    expect(await statusOf(second)).toBe('READY');
    expect(pdfRenderer.currentBrowser()!.process()!.pid).not.toBe(pid);
    const res = await download((await readDoc(manager, second)).url);
    expect((await pdfText(new Uint8Array(await res.arrayBuffer()))).text).toContain(name);
  });

  it('reads the record’s holders once to queue a document and once to render it', async () => {
    const account = await createAccount(server.ds, manager.user.id);
    const counted = <T>(fn: () => Promise<T>) => countStatements(() => requestScope.run(newRequestScope(randomUUID()), fn));
    const holderReads = (statements: string[]) => statements.filter((s) => /^SELECT t\."id" AS "id".* FROM "accounts" t WHERE/.test(s)).length;
    const queued = await counted(() => queue(manager, 'account-sheet', account.id));
    expect(holderReads(queued.statements)).toBe(1);
    const rendered = await counted(() => renderDocument(server.ds, queued.result));
    expect(await statusOf(queued.result)).toBe('READY');
    expect(holderReads(rendered.statements)).toBe(1);
  });

  it('a job for a READY document does nothing', async () => {
    const id = await queue(manager, 'account-sheet', (await createAccount(server.ds, manager.user.id)).id);
    await renderDocument(server.ds, id);
    const [before] = await server.ds.query(`SELECT "version", "updatedAt" FROM "documents" WHERE "id" = $1`, [id]);
    await renderDocument(server.ds, id);
    expect((await server.ds.query(`SELECT "version", "updatedAt" FROM "documents" WHERE "id" = $1`, [id]))[0]).toEqual(before);
    expect(await progressOf(manager, id, 3)).toHaveLength(3);
  });
});
