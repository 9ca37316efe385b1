import type { Browser, Page } from 'puppeteer-core';
import { BASE_URL, DEMO, graphqlOk, launchBrowser, openSession, retype, signIn, tokenOf, withScreenshots } from './browser';

// Live updates must never destroy what a user is doing: an open form keeps what they typed, a list
// keeps the pages they loaded and where they scrolled.
jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const aria = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;
const UPDATE_ACCOUNT = 'mutation($id: ID!, $input: UpdateAccountInput!) { updateAccount(id: $id, input: $input) { id version } }';

async function waitForFeedLive(page: Page) {
  await page.waitForFunction(() => document.querySelector('section[aria-label="Activity feed"]')?.textContent?.includes('Live'));
}

const nameField = `[role="dialog"] ${aria('textbox', 'Name')}`;
const nameValue = (page: Page) => page.$eval('[role="dialog"] input[name="name"]', (i) => (i as HTMLInputElement).value);

describe('live updates keep the user’s work', () => {
  it('an edit dialog keeps what the rep typed when the manager changes the account; keeping it meets CONFLICT, reloading takes the manager’s', async () => {
    const { page, errors } = await openSession(browser);
    page.setDefaultTimeout(60_000);
    const stamp = Date.now().toString(36);
    const name = `Keep mine ${stamp}`;
    const rep = await tokenOf(DEMO.rep);
    const { createAccount } = await graphqlOk('mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { input: { name } }, rep);

    await withScreenshots('dirty-dialog', [page], async () => {
      await signIn(page, DEMO.rep);
      await page.goto(`${BASE_URL()}/accounts/${createAccount.id}`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, {}, name);
      await waitForFeedLive(page);
      await page.locator(`main ${aria('button', 'Edit')}`).click();
      await retype(page, nameField, `${name} by the rep`);

      // Meanwhile the manager renames it, elsewhere.
      await graphqlOk(UPDATE_ACCOUNT, { id: createAccount.id, input: { name: `${name} by the manager` } }, await tokenOf(DEMO.manager));
      await page.locator('[role="dialog"] ::-p-text(Changed by Maya Manager — reload or keep yours)').wait();
      expect(await nameValue(page)).toBe(`${name} by the rep`);

      await page.locator(`[role="dialog"] ${aria('button', 'Keep yours')}`).click();
      await page.locator(`[role="dialog"] ${aria('button', 'Save')}`).click();
      await page.locator('[role="dialog"] ::-p-text(Changed by someone else — reload to see the latest version)').wait();
      expect(await nameValue(page)).toBe(`${name} by the rep`);

      await page.locator(`[role="dialog"] ${aria('button', 'Reload')}`).click();
      await page.waitForFunction(
        (n) => (document.querySelector('[role="dialog"] input[name="name"]') as HTMLInputElement | null)?.value === n,
        {},
        `${name} by the manager`,
      );
      await retype(page, nameField, `${name} agreed`);
      await page.locator(`[role="dialog"] ${aria('button', 'Save')}`).click();
      await page.waitForSelector('[role="dialog"]', { hidden: true });
      await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, {}, `${name} agreed`);
      expect(errors).toEqual([]);
    });
    await page.browserContext().close();
  });

  it('a list with two loaded pages keeps both, and the scroll position, when a change elsewhere refreshes it', async () => {
    const { page, errors } = await openSession(browser);
    page.setDefaultTimeout(60_000);
    const rows = () => page.$$eval('table[aria-label="Accounts"] tbody tr', (r) => r.length);
    await withScreenshots('two-pages', [page], async () => {
      await signIn(page, DEMO.manager);
      await page.goto(`${BASE_URL()}/accounts?sort=NAME&dir=ASC`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('table[aria-label="Accounts"] tbody tr');
      await waitForFeedLive(page);
      expect(await rows()).toBe(25);
      await page.locator(aria('button', 'Load more')).click();
      await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Accounts"] tbody tr').length === 50);

      // Down into the second page, to a row the admin then renames.
      const scrollTop = await page.$eval('[data-list-scroll]', (box) => {
        box.scrollTop = 700;
        return box.scrollTop;
      });
      expect(scrollTop).toBeGreaterThan(0);
      const target = await page.$$eval('table[aria-label="Accounts"] tbody tr', (r) => {
        const link = r[40].querySelector('a') as HTMLAnchorElement;
        return { id: link.getAttribute('href')!.split('/').pop()!, name: link.textContent! };
      });
      const renamed = `${target.name} (renamed)`;
      await graphqlOk(UPDATE_ACCOUNT, { id: target.id, input: { name: renamed } }, await tokenOf(DEMO.admin));

      await page.waitForFunction(
        (n) => [...document.querySelectorAll('table[aria-label="Accounts"] tbody a')].some((a) => a.textContent === n),
        { timeout: 30_000 },
        renamed,
      );
      expect(await rows()).toBe(50);
      expect(await page.$eval('[data-list-scroll]', (box) => box.scrollTop)).toBe(scrollTop);
      expect(errors).toEqual([]);
    });
    await page.browserContext().close();
  });
});
