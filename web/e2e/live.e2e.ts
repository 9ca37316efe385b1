import type { Browser, Page } from 'puppeteer-core';
import { BASE_URL, DEMO, launchBrowser, openSession, signIn, withScreenshots } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const feedText = (page: Page) => page.$eval('section[aria-label="Activity feed"]', (el) => el.textContent ?? '');

async function waitForFeedLive(page: Page) {
  await page.waitForFunction(() => document.querySelector('section[aria-label="Activity feed"]')?.textContent?.includes('Live'));
}

describe('live updates across users', () => {
  it("the manager sees the rep's new account arrive in the Activity feed and in the open list, and an edit refresh the open detail page", async () => {
    const manager = await openSession(browser);
    const rep = await openSession(browser);
    const name = `Live Feed ${Date.now()}`;
    await withScreenshots('live-feed', [manager.page, rep.page], async () => {
      await signIn(manager.page, DEMO.manager);
      await manager.page.goto(`${BASE_URL()}/accounts`, { waitUntil: 'domcontentloaded' });
      await manager.page.waitForSelector('table[aria-label="Accounts"] tbody tr');
      await waitForFeedLive(manager.page);
      // Other browser tests sign in and change records on the same server meanwhile, so the check
      // below is that the new entry lands above everything the manager's feed showed before.
      const primary = 'section[aria-label="Activity feed"] li .MuiListItemText-primary';
      const topBefore = await manager.page.$eval(primary, (el) => el.textContent ?? '');

      await signIn(rep.page, DEMO.rep);
      await rep.page.goto(`${BASE_URL()}/accounts`, { waitUntil: 'domcontentloaded' });
      await rep.page.locator('::-p-aria(New account)').click();
      await rep.page.locator('::-p-aria(Name)').fill(name);
      await rep.page.locator('::-p-aria(Create account)').click();
      await rep.page.waitForFunction((n) => document.querySelector('h1')?.textContent === n, {}, name);

      // No reload on the manager's side: the feed entry and the list row arrive live.
      await manager.page.waitForFunction(
        (n) => document.querySelector('section[aria-label="Activity feed"]')?.textContent?.includes(`Riley Rep created account ${n}`),
        { timeout: 15_000 },
        name,
      );
      const primaries = await manager.page.$$eval(primary, (els) => els.map((el) => el.textContent ?? ''));
      const created = primaries.findIndex((t) => t.includes(`Riley Rep created account ${name}`));
      expect(created).toBeGreaterThanOrEqual(0);
      expect(created).toBeLessThan(primaries.lastIndexOf(topBefore));
      await manager.page.waitForFunction(
        (n) => Array.from(document.querySelectorAll('table[aria-label="Accounts"] tbody a')).some((a) => a.textContent === n),
        { timeout: 15_000 },
        name,
      );

      // The manager opens the account; the rep renames it; the manager's page updates in place.
      await manager.page.$$eval('table[aria-label="Accounts"] tbody a', (links, n) => (links.find((a) => a.textContent === n) as HTMLElement).click(), name);
      await manager.page.waitForFunction((n) => document.querySelector('h1')?.textContent === n, {}, name);
      await rep.page.locator('::-p-aria(Edit)').click();
      const renamed = `${name} Renamed`;
      const field = await rep.page.locator('::-p-aria(Name)').waitHandle();
      await field.click({ clickCount: 3 });
      await field.type(renamed);
      await rep.page.locator('::-p-aria(Save)').click();
      await manager.page.waitForFunction((n) => document.querySelector('h1')?.textContent === n, { timeout: 30_000 }, renamed);
      expect(await feedText(manager.page)).toContain(`Riley Rep updated account ${renamed}`);
      expect(manager.errors).toEqual([]);
      expect(rep.errors).toEqual([]);
    });
    await manager.context.close();
    await rep.context.close();
  });
});
