import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../../../test/server';

// The server serves the built web app on the API's port: assets with long-lived caching, and
// index.html for client routes, without shadowing the API or the health checks.
let server: TestServer;
let origin: string;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'converge-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Converge</title><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startTestServer({ WEB_DIST_DIR: dir });
  origin = server.url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('web app hosting', () => {
  it('serves index.html at / and for client routes, uncached, with security headers', async () => {
    for (const route of ['/', '/accounts', '/deals/7b0c/edit', '/admin/users?sort=NAME']) {
      const res = await fetch(`${origin}${route}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('serves hashed assets with long-lived caching and 404s for missing ones (never index.html)', async () => {
    const asset = await fetch(`${origin}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toContain('console.log');
    const missing = await fetch(`${origin}/assets/gone-123.js`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    const icon = await fetch(`${origin}/favicon.svg`);
    expect(icon.status).toBe(200);
  });

  it('leaves the API, health checks and non-HTML requests alone', async () => {
    const health = await fetch(`${origin}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const api = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
    const json = await fetch(`${origin}/no-such-thing`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(json.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('says how to build the app when it is missing', async () => {
    const other = await startTestServer({ WEB_DIST_DIR: path.join(dir, 'nope') });
    try {
      const res = await fetch(other.url.replace(/\/graphql$/, '/'), { headers: { accept: 'text/html' } });
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await other.stop();
    }
  });
});
