import type { Browser, ElementHandle } from 'puppeteer-core';
import { seriousViolations } from './axe';
import { BASE_URL, DEMO, launchBrowser, openSession, signIn, withScreenshots, type Session } from './browser';

// Signing in, axe runs and dialogs take a while on a busy two-core machine.
jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const inDialog = (name: string) => `[role="dialog"] ::-p-aria([name="${name}"][role="textbox"])`;

describe('the chart of accounts', () => {
  it('an accountant adds an account grouped under another while a manager reads the chart, and a rep has no such screen', async () => {
    const accountant = await openSession(browser);
    const manager = await openSession(browser);
    const rep = await openSession(browser);
    accountant.page.setDefaultTimeout(60_000);
    const code = String(7_000_000 + Math.floor(Math.random() * 999_999));
    await withScreenshots('chart-of-accounts', [accountant.page, manager.page, rep.page], async () => {
      // A sales manager reads the chart (no way to change it) and keeps it open meanwhile.
      await signIn(manager.page, DEMO.manager);
      await manager.page.goto(`${BASE_URL()}/ledger-accounts`, { waitUntil: 'domcontentloaded' });
      await manager.page.waitForSelector('table[aria-label="Chart of accounts"] tbody tr');
      expect(await manager.page.$('::-p-aria(New ledger account)')).toBeNull();

      const { page } = accountant;
      await signIn(page, DEMO.accountant);
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Chart of accounts)').click();
      await page.waitForSelector('table[aria-label="Chart of accounts"] tbody tr');
      // The seeded chart starts with cash, found by its role.
      await page.locator('table[aria-label="Chart of accounts"] ::-p-text(Cash)').wait();
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator('::-p-aria(New ledger account)').click();
      await page.locator(inDialog('Number')).fill(code);
      await page.locator('[role="dialog"] ::-p-aria([name="Type"][role="combobox"])').click();
      await page.locator('[role="option"] ::-p-text(Expense)').click();
      await page.locator(inDialog('Name')).fill('Tolls');
      const picker = await page.locator('::-p-aria([name="Grouped under"][role="combobox"])').waitHandle();
      await picker.click();
      await picker.type('Vehicles');
      const group = await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('li[role="option"]')).find((li) => li.textContent?.startsWith('6200 Vehicles and fuel')),
      );
      await (group.asElement() as ElementHandle<Element>).click();
      expect(await picker.evaluate((el) => (el as HTMLInputElement).value)).toBe('6200 Vehicles and fuel');
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('[role="dialog"] ::-p-aria(Create account)').click();
      await page.waitForFunction(() => /^\/ledger-accounts\/[0-9a-f-]{36}$/.test(location.pathname));
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, {}, `${code} Tolls`);
      await page.locator('main ::-p-text(6200 Vehicles and fuel)').wait();
      expect(await seriousViolations(page)).toEqual([]);
      expect(accountant.errors).toEqual([]);

      // The manager's open list shows the new account without a reload.
      await manager.page.waitForFunction(
        (c) => Array.from(document.querySelectorAll('table[aria-label="Chart of accounts"] tbody a')).some((a) => a.textContent === c),
        { timeout: 15_000 },
        code,
      );
      expect(manager.errors).toEqual([]);

      // A sales rep reads no financials: no link, and the address says so.
      await signIn(rep.page, DEMO.rep);
      expect(await rep.page.$('nav[aria-label="Main navigation"] a[href="/ledger-accounts"]')).toBeNull();
      await rep.page.goto(`${BASE_URL()}/ledger-accounts`, { waitUntil: 'domcontentloaded' });
      await rep.page.locator('::-p-text(You do not have access to this page.)').wait();
      expect(await rep.page.$('table[aria-label="Chart of accounts"]')).toBeNull();
    });
    await accountant.context.close();
    await manager.context.close();
    await rep.context.close();
  });
});

/** Chooses a ledger account in a line's picker by typing its number. */
async function pickAccount(page: Session['page'], name: string, code: string, label: string): Promise<void> {
  const picker = await page.locator(`[role="dialog"] ::-p-aria([name="${name}"][role="combobox"])`).waitHandle();
  await picker.click();
  await picker.type(code);
  const option = await page.waitForFunction(
    (l) => Array.from(document.querySelectorAll('li[role="option"]')).find((li) => li.textContent?.startsWith(l)),
    {},
    label,
  );
  await (option.asElement() as ElementHandle<Element>).click();
  expect(await picker.evaluate((el) => (el as HTMLInputElement).value)).toBe(label);
}

const heading = (page: Session['page']) => page.$eval('main h1', (h) => h.textContent ?? '');

describe('the journal', () => {
  it('an accountant writes a two-line entry, sees it balance, saves the draft, posts it and reverses it', async () => {
    const { context, page, errors } = await openSession(browser);
    page.setDefaultTimeout(60_000);
    const memo = `Printer paper ${Math.floor(Math.random() * 1_000_000)}`;
    await withScreenshots('journal', [page], async () => {
      await signIn(page, DEMO.accountant);
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Journal)').click();
      await page.waitForSelector('table[aria-label="Journal"]');
      expect(await seriousViolations(page)).toEqual([]);

      // The form keeps a running total: a cent short shows the difference, equal sides say so.
      await page.locator('::-p-aria(New journal entry)').click();
      await page.locator(inDialog('Memo')).fill(memo);
      await pickAccount(page, 'Ledger account 1', '6400', '6400 Office and software');
      await page.locator(inDialog('Debit 1')).fill('120.5');
      await pickAccount(page, 'Ledger account 2', '1000', '1000 Cash');
      await page.locator(inDialog('Credit 2')).fill('120.49');
      await page.locator('[role="dialog"] [role="status"] ::-p-text(Difference 0.01)').wait();
      await page.locator(inDialog('Credit 2')).fill('120.50');
      await page.locator('[role="dialog"] [role="status"] ::-p-text(Balanced)').wait();
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('[role="dialog"] ::-p-aria(Save draft)').click();

      // The new draft's page: its lines, and Post.
      await page.waitForFunction(() => /^\/journal\/[0-9a-f-]{36}$/.test(location.pathname));
      const draftPath = await page.evaluate(() => location.pathname);
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Draft entry');
      await page.locator('table[aria-label="Lines"] ::-p-text(6400 Office and software)').wait();
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('main ::-p-aria([name="Post"][role="button"])').click();
      await page.waitForFunction(() => /^JE-\d{4}-\d{5}$/.test(document.querySelector('main h1')?.textContent ?? ''));
      const number = await heading(page);
      expect(number.slice(3, 7)).toBe(String(new Date().getFullYear()));
      await page.locator('main ::-p-text(Posted at)').wait();
      expect(await page.$('main ::-p-aria([name="Edit"][role="button"])')).toBeNull();
      expect(await seriousViolations(page)).toEqual([]);

      // A posted entry is corrected by its reversal, which links back to it.
      await page.locator('main ::-p-aria([name="Reverse…"][role="button"])').click();
      await page.locator(`[role="dialog"] ::-p-text(Reverse ${number})`).wait();
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('[role="dialog"] ::-p-aria([name="Reverse"][role="button"])').click();
      await page.waitForFunction((p) => location.pathname !== p && /^\/journal\/[0-9a-f-]{36}$/.test(location.pathname), {}, draftPath);
      await page.waitForFunction(
        (n) => /^JE-\d{4}-\d{5}$/.test(document.querySelector('main h1')?.textContent ?? '') && document.querySelector('main h1')?.textContent !== n,
        {},
        number,
      );
      await page.locator(`main ::-p-aria([name="${number}"][role="link"])`).wait();

      // The list shows both, numbered.
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Journal)').click();
      await page.locator(`table[aria-label="Journal"] ::-p-text(${number})`).wait();
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
    await context.close();
  });
});
