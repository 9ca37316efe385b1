import type { Browser, Page } from 'puppeteer-core';
import { seriousViolations } from './axe';
import { BASE_URL, DEMO, graphql, inDialog, launchBrowser, openSession as openBrowserSession, retype, screenshot, signIn, withScreenshots } from './browser';

// E2E_SCREENSHOTS=1 saves pictures of the screens (web/test-results/screenshots) for a visual check.
const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await screenshot(page, name);
};

interface Reply {
  me?: { id: string };
  login?: { token: string };
}

/** Calls the API directly, as an integration would. */
const api = (query: string, bearer?: string, variables?: Record<string, unknown>) => graphql<Reply>(query, variables, bearer);

const ME = '{ me { id } }';
const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

async function chooseOption(page: Page, combobox: string, option: string) {
  await page.locator(combobox).click();
  await page.locator(`::-p-aria([name="${option}"][role="option"])`).click();
  // The menu closes before the next step looks for the dialog's controls.
  await page.waitForSelector('[role="listbox"]', { hidden: true });
}

/** Types a name filter and waits until the list shows only rows matching it. */
async function filterUsers(page: Page, text: string) {
  // A closing dialog's fading backdrop would take the click meant for the field.
  await page.waitForSelector('[role="dialog"]', { hidden: true });
  await retype(page, '::-p-aria(Filter users by name)', text);
  await page.waitForFunction((t) => new URLSearchParams(location.search).get('q') === t, {}, text);
  await page.waitForFunction(
    (t) => {
      const rows = [...document.querySelectorAll('table[aria-label="Users"] tbody tr')];
      return rows.length > 0 && rows.every((r) => r.textContent!.includes(t as string));
    },
    {},
    text,
  );
}

async function rowText(page: Page, table: string, cellText: string): Promise<string> {
  return page.$$eval(
    `table[aria-label="${table}"] tbody tr`,
    (rows, text) => rows.map((r) => r.textContent ?? '').find((t) => t.includes(text as string)) ?? '',
    cellText,
  );
}

// Signing in, axe runs and dialogs take a while on a busy two-core machine; jest applies only the root
// testTimeout (30 s), not the e2e project's own.
jest.setTimeout(180_000);

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

describe('administration', () => {
  it('the admin creates a user, changes their role and deactivates them', async () => {
    const { page, errors } = await openSession(browser);
    const stamp = Date.now().toString(36);
    const name = `Erin Example ${stamp}`;
    const email = `erin.${stamp}@example.com`;
    const password = 'a-long-password-1';
    await withScreenshots('admin-users', [page], async () => {
      await signIn(page, DEMO.admin);
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Users)').click();
      await page.waitForSelector('table[aria-label="Users"] tbody tr');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'users-list');

      await page.locator('::-p-aria(New user)').click();
      await page.locator(inDialog('Email', 'textbox')).fill(email);
      await page.locator(inDialog('Name', 'textbox')).fill(name);
      await chooseOption(page, inDialog('Role', 'combobox'), 'Sales rep');
      await page.locator(inDialog('Password', 'textbox')).fill(password);
      await page.locator(inDialog('Phone', 'textbox')).fill('+14155550123');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'users-new');
      await page.locator('::-p-aria(Create user)').click();
      await page.waitForSelector('[role="dialog"]', { hidden: true });

      // The new user can sign in.
      const login = await api(LOGIN, undefined, { email, password });
      expect(login.errors).toBeUndefined();
      const token = login.data!.login!.token;

      await filterUsers(page, stamp);
      await page.locator(`::-p-aria(Edit ${name})`).click();
      await chooseOption(page, inDialog('Role', 'combobox'), 'Sales manager');
      await page.locator('[role="dialog"] ::-p-aria(Save)').click();
      await page.waitForSelector('[role="dialog"]', { hidden: true });
      await page.waitForFunction(
        (n) =>
          [...document.querySelectorAll('table[aria-label="Users"] tbody tr')].some(
            (r) => r.textContent!.includes(n as string) && r.textContent!.includes('Sales manager'),
          ),
        {},
        name,
      );

      await page.locator(`::-p-aria(Deactivate ${name})`).click();
      await page.locator(`::-p-text(Deactivate ${name}?)`).wait();
      await page.locator('[role="dialog"] ::-p-aria(Deactivate)').click();
      await page.locator(`::-p-aria(Reactivate ${name})`).wait();
      expect(await rowText(page, 'Users', name)).toContain('Inactive');
      await shot(page, 'users-deactivated');

      // Deactivation ended the user's session.
      const after = await api(ME, token);
      expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      // The admin's own row cannot be deactivated.
      await filterUsers(page, 'Ada Admin');
      await page.locator('::-p-aria(Edit Ada Admin)').wait();
      expect(await page.$eval('button[aria-label="Deactivate Ada Admin"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
      expect(errors).toEqual([]);
    });
  });

  it('the admin creates an API key, sees its secret once, uses it, and revokes it', async () => {
    const { page, context, errors } = await openSession(browser);
    await context.overridePermissions(BASE_URL(), ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const keyName = `E2E key ${Date.now().toString(36)}`;
    await withScreenshots('admin-api-keys', [page], async () => {
      await signIn(page, DEMO.admin);
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(API keys)').click();
      await page.locator('h1::-p-text(API keys)').wait();
      await page.waitForSelector('table[aria-label="API keys"]');
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator('::-p-aria(New API key)').click();
      await page.locator(inDialog('Name', 'textbox')).fill(keyName);
      await page.locator('[role="dialog"] ::-p-aria(Create key)').click();

      const secretField = inDialog('Secret', 'textbox');
      await page.locator(secretField).wait();
      const secret = await page.$eval('[role="dialog"] input[readonly]', (i) => (i as HTMLInputElement).value);
      expect(secret.length).toBeGreaterThan(20);
      await page.locator('::-p-text(It will not be shown again)').wait();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'api-key-secret');
      await page.locator('::-p-aria(Copy secret)').click();
      await page.locator('::-p-text(Copied to the clipboard.)').wait();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

      // The key works as its creator.
      const me = await api(ME, secret);
      expect(me.errors).toBeUndefined();
      expect(me.data?.me?.id).toEqual(expect.any(String));

      await page.locator('[role="dialog"] ::-p-aria(Done)').click();
      await page.waitForSelector('[role="dialog"]', { hidden: true });
      expect(await page.content()).not.toContain(secret);
      await page.locator(`::-p-aria(Revoke ${keyName})`).wait();
      await shot(page, 'api-keys-list');

      await page.locator(`::-p-aria(Revoke ${keyName})`).click();
      await page.locator(`::-p-text(Revoke ${keyName}?)`).wait();
      await page.locator('[role="dialog"] ::-p-aria(Revoke)').click();
      await page.waitForSelector('[role="dialog"]', { hidden: true });
      await page.waitForFunction(
        (n) =>
          [...document.querySelectorAll('table[aria-label="API keys"] tbody tr')].some(
            (r) => r.textContent!.includes(n as string) && r.textContent!.includes('Revoked'),
          ),
        {},
        keyName,
      );
      expect(await page.$(`button[aria-label="Revoke ${keyName}"]`)).toBeNull();
      expect(await seriousViolations(page)).toEqual([]);

      const refused = await api(ME, secret);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(errors).toEqual([]);
    });
  });

  it('the admin pages fit a phone screen', async () => {
    const { page } = await openSession(browser);
    await withScreenshots('admin-phone', [page], async () => {
      // Signed in on a wide screen (the helper waits for the docked navigation), then narrowed to a phone.
      await signIn(page, DEMO.admin);
      await page.setViewport({ width: 390, height: 844 });
      for (const [path, table] of [
        ['/admin/users', 'Users'],
        ['/admin/api-keys', 'API keys'],
      ]) {
        await page.goto(`${BASE_URL()}${path}`, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector(`table[aria-label="${table}"]`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await shot(page, `phone-${table}`);
      }
      await page.locator('::-p-aria(New API key)').click();
      await page.waitForSelector('[role="dialog"]');
      await shot(page, 'phone-new-api-key');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});
