import type { Browser, Page } from 'puppeteer-core';
import { seriousViolations } from './axe';
import { BASE_URL, DEMO, heading, inDialog, launchBrowser, openSession as openBrowserSession, retype, screenshot, signIn, withScreenshots } from './browser';

// Signing in, axe runs and dialogs take a while on a busy two-core machine; jest applies only the root
// testTimeout (30 s), not the e2e project's own.
jest.setTimeout(180_000);

// E2E_SCREENSHOTS=1 saves pictures of the screens (web/test-results/screenshots) for a visual check.
const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await screenshot(page, name);
};

/** Counts the GraphQL operations of a name the page sends. */
function countOperations(page: Page, operation: string): () => number {
  let count = 0;
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().endsWith('/graphql') && (req.postData() ?? '').includes(`"operationName":"${operation}"`)) count += 1;
  });
  return () => count;
}

/** A fresh session whose waits allow for the same slowness (typing into a field can take seconds). */
async function openSession(b: Browser) {
  const session = await openBrowserSession(b);
  session.page.setDefaultTimeout(60_000);
  return session;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accounts', () => {
  it('a rep creates, edits, deletes and restores an account through the screens', async () => {
    const { page, errors } = await openSession(browser);
    const creates = countOperations(page, 'CreateAccount');
    const name = `Harbor Tools ${Date.now().toString(36)}`;
    await withScreenshots('rep-accounts', [page], async () => {
      await signIn(page, DEMO.rep);
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Accounts)').click();
      await page.waitForSelector('table[aria-label="Accounts"] tbody tr');
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator('::-p-aria(New account)').click();
      await page.locator(inDialog('Name')).fill(name);
      await page.locator(inDialog('Industry')).fill('Marine supplies');
      await page.locator(inDialog('Email')).fill('not-an-email');
      await page.locator('[role="dialog"] ::-p-aria(Create account)').click();
      await page.locator('[role="dialog"] ::-p-text(must be a valid email address)').wait();
      expect(await page.$eval('[role="dialog"] input[type="email"]', (i) => i.getAttribute('aria-invalid'))).toBe('true');
      expect(creates()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'account-form-error');

      await retype(page, inDialog('Email'), 'hello@harbor.example');
      await page.locator('[role="dialog"] ::-p-aria(Create account)').click();
      await page.waitForFunction(() => /^\/accounts\/[0-9a-f-]{36}$/.test(location.pathname));
      await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, {}, name);
      expect(creates()).toBe(1);
      await page.locator('::-p-text(Marine supplies)').wait();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'account-detail');

      await page.locator('main ::-p-aria(Edit)').click();
      await retype(page, inDialog('Name'), `${name} Ltd`);
      await page.locator('[role="dialog"] ::-p-aria(Save)').click();
      await page.waitForSelector('[role="dialog"]', { hidden: true });
      await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, {}, `${name} Ltd`);

      await page.locator('main ::-p-aria(Delete)').click();
      await page.locator(`::-p-text(${name} Ltd moved to the trash)`).wait();
      // A trashed account is not found by id: the page returns to the list, and Undo comes back.
      await page.waitForFunction(() => location.pathname === '/accounts');
      await page.locator('::-p-aria(Undo)').click();
      await page.locator(`::-p-text(${name} Ltd restored)`).wait();
      await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, {}, `${name} Ltd`);

      // Back in the list, not in the trash.
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Accounts)').click();
      await retype(page, '::-p-aria(Filter accounts)', name);
      await page.waitForFunction(
        (n) => [...document.querySelectorAll('table[aria-label="Accounts"] tbody tr')].some((r) => r.textContent!.includes(`${n as string} Ltd`)),
        {},
        name,
      );
      expect(await heading(page)).toBe('Accounts');
      expect(errors).toEqual([]);
    });
  });

  it('a manager: the login page and the dashboard pass axe', async () => {
    const { page, errors } = await openSession(browser);
    await withScreenshots('manager-axe', [page], async () => {
      await page.goto(`${BASE_URL()}/`, { waitUntil: 'domcontentloaded' });
      await page.locator('::-p-aria(Sign in)').wait();
      expect(await seriousViolations(page)).toEqual([]);
      await signIn(page, DEMO.manager);
      await page.waitForSelector('main h1');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'manager-dashboard');
      expect(errors).toEqual([]);
    });
  });
});
