import type { Browser } from 'puppeteer-core';
import { BASE_URL, launchBrowser, openSession, withScreenshots } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('GraphQL explorer', () => {
  it('opens at /graphql from this server alone and runs a query', async () => {
    const { page, errors } = await openSession(browser);
    const host = new URL(BASE_URL()).host;
    const elsewhere: string[] = [];
    page.on('request', (req) => {
      if (!/^(data|blob):/.test(req.url()) && new URL(req.url()).host !== host) elsewhere.push(req.url());
    });
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) errors.push(msg.text());
    });
    await withScreenshots('graphql-explorer', [page], async () => {
      await page.goto(`${BASE_URL()}/graphql`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('.graphiql-query-editor .CodeMirror');
      // The query editor is CodeMirror: replace its text the way a paste would.
      await page.$eval('.graphiql-query-editor .CodeMirror', (el) =>
        (el as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue('{ __typename }'),
      );
      await page.locator('.graphiql-execute-button').click();
      await page.waitForFunction(() => /"__typename":\s*"Query"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''));
      expect(elsewhere).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});
