import { startTestServer, type TestServer } from '../../../test/server';

// Outside production a browser opening /graphql gets GraphiQL, with every script and stylesheet
// from this origin (it works without internet access); production serves no explorer.
const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('GraphQL explorer', () => {
  let server: TestServer;
  let origin: string;
  beforeAll(async () => {
    server = await startTestServer();
    origin = new URL(server.url).origin;
  });
  afterAll(() => server.stop());

  it('serves GraphiQL to browsers at GET /graphql, loading only same-origin assets', async () => {
    const page = await fetch(server.url, { headers: html });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const body = await page.text();
    expect(body).toContain('<div id="explorer">');

    const urls = [...body.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) {
      const resolved = new URL(url, server.url);
      expect(resolved.origin).toBe(origin);
      const asset = await fetch(resolved);
      expect({ url, status: asset.status }).toEqual({ url, status: 200 });
      expect(asset.headers.get('content-type')).toMatch(/^text\/(javascript|css)/);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    // Nothing fetched from elsewhere at run time either.
    const script = await (
      await fetch(
        new URL(
          urls.find((u) => u.endsWith('.js'))!,
          server.url,
        ),
      )
    ).text();
    expect(script).not.toMatch(/https:\/\/(unpkg\.com|cdn\.jsdelivr\.net|esm\.sh|embeddable-sandbox\.cdn\.apollographql\.com)/);
  });

  it('leaves GraphQL requests and API clients to the API', async () => {
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { ...html, 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const json = await fetch(server.url, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type') ?? '').not.toContain('text/html');
    const missing = await fetch(`${origin}/graphql/explorer/nothing.js`);
    expect(missing.status).toBe(404);
  });

  it('is not there in production', async () => {
    const prod = await startTestServer({ NODE_ENV: 'production' });
    try {
      const page = await fetch(prod.url, { headers: html });
      expect([400, 404]).toContain(page.status);
      expect(await page.text()).not.toContain('explorer');
      const asset = await fetch(`${new URL(prod.url).origin}/graphql/explorer/explorer.js`);
      expect(asset.status).not.toBe(200);
    } finally {
      await prod.stop();
    }
  });
});
