import type { Browser } from 'puppeteer-core';
import { BASE_URL, DEMO, launchBrowser, openSession, signIn, texts, withScreenshots } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('signing in and role-aware navigation', () => {
  it('a sales rep signs in, sees the sales areas but no admin, and the session survives a reload', async () => {
    const { page, errors } = await openSession(browser);
    await withScreenshots('rep-sign-in', [page], async () => {
      await signIn(page, DEMO.rep);
      const links = await texts(page, 'nav[aria-label="Main navigation"] a');
      expect(links).toEqual(['Dashboard', 'My tasks', 'Accounts', 'Contacts', 'Deals', 'Interactions', 'Tasks']);
      expect(await page.$eval('[data-testid="user-name"]', (e) => e.textContent)).toBe('Riley Rep');
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.waitForSelector('nav[aria-label="Main navigation"]');
      expect(errors).toEqual([]);
    });
  });

  it('a rep cannot reach the admin pages, neither by the menu nor by URL', async () => {
    const { page } = await openSession(browser);
    await withScreenshots('rep-admin', [page], async () => {
      await signIn(page, DEMO.rep);
      expect(await texts(page, 'nav[aria-label="Main navigation"] a')).not.toContain('Users');
      await page.goto(`${BASE_URL()}/admin/users`, { waitUntil: 'domcontentloaded' });
      await page.locator('::-p-text(You do not have access to this page.)').wait();
      expect(await page.$('table[aria-label="Users"]')).toBeNull();
      await page.goto(`${BASE_URL()}/admin/api-keys`, { waitUntil: 'domcontentloaded' });
      await page.locator('::-p-text(You do not have access to this page.)').wait();
    });
  });

  it('a manager signs in and out; after signing out the app is back at the login form', async () => {
    const { page } = await openSession(browser);
    await withScreenshots('manager-sign-out', [page], async () => {
      await signIn(page, DEMO.manager);
      const links = await texts(page, 'nav[aria-label="Main navigation"] a');
      expect(links).toContain('Deals');
      expect(links).not.toContain('Users');
      await page.locator('::-p-aria(Sign out)').click();
      await page.locator('::-p-aria(Sign in)').wait();
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.locator('::-p-aria(Sign in)').wait();
    });
  });

  it('a wrong password is refused with a message', async () => {
    const { page } = await openSession(browser);
    await page.goto(`${BASE_URL()}/`, { waitUntil: 'domcontentloaded' });
    await page.locator('::-p-aria(Email)').fill(DEMO.rep);
    await page.locator('::-p-aria(Password)').fill('wrong-password');
    await page.locator('::-p-aria(Sign in)').click();
    await page.locator('::-p-text(Wrong email or password.)').wait();
  });

  it('an ended session returns to the login page with a message', async () => {
    const { page } = await openSession(browser);
    await withScreenshots('session-ended', [page], async () => {
      await signIn(page, DEMO.rep);
      const token = await page.evaluate(() => JSON.parse(localStorage.getItem('converge.session') ?? '{}').token as string);
      expect(token).toBeTruthy();
      // The session is revoked elsewhere (as by signing out in another browser).
      const res = await fetch(`${BASE_URL()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation { logout }' }),
      });
      expect(await res.json()).toEqual({ data: { logout: true } });
      // The open socket re-checks its token within seconds and is closed with 4403, and any request
      // now answers UNAUTHENTICATED: either way the app returns to the sign-in page and says why.
      await page.locator('::-p-text(Your session has expired. Sign in again.)').wait();
      await page.locator('::-p-aria(Sign in)').wait();
    });
  });

  it('works at phone width: navigation behind a menu button, theme switch', async () => {
    const { page } = await openSession(browser, 390);
    await withScreenshots('phone-width', [page], async () => {
      await signIn(page, DEMO.manager);
      await page.locator('::-p-aria(Open navigation)').click();
      await page.locator('nav[aria-label="Main navigation"] ::-p-text(Deals)').click();
      await page.waitForFunction(() => location.pathname === '/deals');
      const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.locator('::-p-aria(Use dark theme)').click();
      await page.locator('::-p-aria(Use light theme)').wait();
      const after = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(after).not.toBe(before);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    });
  });
});
