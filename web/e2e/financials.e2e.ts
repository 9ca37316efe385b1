import type { Browser, ElementHandle } from 'puppeteer-core';
import { seriousViolations } from './axe';
import { BASE_URL, DEMO, heading, inDialog, launchBrowser, openSession, retype, signIn, withScreenshots, type Session } from './browser';

// Signing in, axe runs and dialogs take a while on a busy two-core machine.
jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

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

      // The tree view nests the new account under its group, whose balance includes it.
      await manager.page.locator('main ::-p-aria([name="Tree"][role="button"])').click();
      await manager.page.waitForSelector('table[role="treegrid"][aria-label="Chart of accounts"]');
      const level = await manager.page.waitForFunction(
        (c) =>
          Array.from(document.querySelectorAll('table[role="treegrid"] tbody tr'))
            .find((tr) => tr.querySelector('a')?.textContent === `${c} Tolls`)
            ?.getAttribute('aria-level'),
        {},
        code,
      );
      expect(await level.jsonValue()).toBe('2');
      expect(await seriousViolations(manager.page)).toEqual([]);
      await manager.page.locator('::-p-aria([name="Collapse 6200 Vehicles and fuel"][role="button"])').click();
      await manager.page.waitForFunction((c) => !document.querySelector('table[role="treegrid"]')?.textContent?.includes(`${c} Tolls`), {}, code);
      expect(await seriousViolations(manager.page)).toEqual([]);
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

/** The text of the definition next to a label on a record's page ("Balance due" → "$68.33"). */
const fieldValue = (page: Session['page'], label: string) =>
  page.evaluate((l) => {
    const dt = Array.from(document.querySelectorAll('main dt')).find((d) => d.textContent === l);
    return dt?.nextElementSibling?.textContent ?? null;
  }, label);

describe('invoices', () => {
  it('an accountant writes an invoice for a demo account, issues it and records a partial payment', async () => {
    const { context, page, errors } = await openSession(browser);
    page.setDefaultTimeout(60_000);
    await withScreenshots('invoices', [page], async () => {
      await signIn(page, DEMO.accountant);
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Invoices)').click();
      await page.waitForSelector('table[aria-label="Invoices"]');
      expect(await seriousViolations(page)).toEqual([]);

      // The form prices the lines as the server does: 1.5 × 80.00 + 35.50 at 8.25 % is 168.33.
      await page.locator('::-p-aria(New invoice)').click();
      const picker = await page.locator('[role="dialog"] ::-p-aria([name="Account"][role="combobox"])').waitHandle();
      await picker.click();
      const first = await page.waitForSelector('li[role="option"]');
      const account = (await first!.evaluate((li) => li.querySelector('span')?.firstChild?.textContent ?? li.textContent ?? '')).trim();
      await first!.click();
      expect(await picker.evaluate((el) => (el as HTMLInputElement).value)).toBe(account);
      await page.locator(inDialog('Tax rate (%)')).fill('8.25');
      await page.locator(inDialog('Description 1')).fill('Boiler service');
      await page.locator(inDialog('Quantity 1')).fill('1.5');
      await page.locator(inDialog('Unit price 1')).fill('80');
      await page.locator('[role="dialog"] ::-p-aria(Add line)').click();
      await page.locator(inDialog('Description 2')).fill('Parts');
      await page.locator(inDialog('Unit price 2')).fill('35.50');
      await page.locator('[role="dialog"] [role="status"] ::-p-text(Total 168.33)').wait();
      await page.locator('[role="dialog"] [role="status"] ::-p-text(Tax (8.25%) 12.83)').wait();
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('[role="dialog"] ::-p-aria(Save draft)').click();

      // The draft's page: its lines and totals, and Issue.
      await page.waitForFunction(() => /^\/invoices\/[0-9a-f-]{36}$/.test(location.pathname));
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Draft invoice');
      await page.locator('table[aria-label="Lines"] ::-p-text(Boiler service)').wait();
      expect(await fieldValue(page, 'Total')).toBe('$168.33');
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('main ::-p-aria([name="Issue"][role="button"])').click();
      await page.waitForFunction(() => /^INV-\d{4}-\d{4}$/.test(document.querySelector('main h1')?.textContent ?? ''));
      const number = await heading(page);
      expect(number.slice(4, 8)).toBe(String(new Date().getFullYear()));
      await page.waitForFunction(() => document.querySelector('main dt + dd')?.textContent === 'Issued');
      expect(await fieldValue(page, 'Balance due')).toBe('$168.33');

      // A partial payment: the status follows the money.
      await page.locator('main ::-p-aria([name="Record payment"][role="button"])').click();
      await page.locator(`[role="dialog"] ::-p-text(Record payment for ${number})`).wait();
      expect(await page.$eval('[role="dialog"] input[name="amount"]', (el) => (el as HTMLInputElement).value)).toBe('168.33');
      await page.locator(inDialog('Amount')).fill('100');
      await page.locator('[role="dialog"] ::-p-aria([name="Method"][role="combobox"])').click();
      await page.locator('[role="option"] ::-p-text(Bank transfer)').click();
      await page.locator(inDialog('Reference')).fill('TR-42');
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('[role="dialog"] ::-p-aria([name="Record payment"][role="button"])').click();
      await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
      await page.waitForFunction(() => document.querySelector('main dt + dd')?.textContent === 'Partially paid');
      expect(await fieldValue(page, 'Balance due')).toBe('$68.33');
      expect(await fieldValue(page, 'Amount paid')).toBe('$100.00');
      await page.locator('table[aria-label="Payments"] ::-p-text(TR-42)').wait();
      // Something is paid: it is no longer voided.
      expect(await page.$('main ::-p-aria([name="Void"][role="button"])')).toBeNull();
      expect(await seriousViolations(page)).toEqual([]);

      // Its PDF renders in the background; once ready, its link opens it.
      await page.locator('main ::-p-aria([name="Download PDF"][role="button"])').click();
      const link = await page.locator(`main ::-p-aria([name="Open ${number}.pdf"][role="link"])`).waitHandle();
      const pdf = await fetch(new URL((await link.evaluate((a) => a.getAttribute('href')))!, BASE_URL()));
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');

      // The list shows it with what is still due; the payments list links back to it.
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Invoices)').click();
      await page.locator(`table[aria-label="Invoices"] ::-p-text(${number})`).wait();
      await page.locator('table[aria-label="Invoices"] ::-p-text($68.33)').wait();
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Payments)').click();
      await page.locator(`table[aria-label="Payments"] ::-p-aria([name="${number}"][role="link"])`).wait();
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
    await context.close();
  });
});

/** Clicks a command on a record's page and waits until the page shows the status it moved to. */
async function move(page: Session['page'], command: string, status: string): Promise<void> {
  await page.locator(`main ::-p-aria([name="${command}"][role="button"])`).click();
  await page.waitForFunction((s) => document.querySelector('main dt + dd')?.textContent === s, {}, status);
}

describe('work orders', () => {
  it('a dispatcher opens, schedules and starts a work order; an accountant prices it; once complete the accountant bills it', async () => {
    const dispatcher = await openSession(browser);
    const accountant = await openSession(browser);
    dispatcher.page.setDefaultTimeout(60_000);
    accountant.page.setDefaultTimeout(60_000);
    const job = `Replace pump ${Math.floor(Math.random() * 1_000_000)}`;
    await withScreenshots('work-orders', [dispatcher.page, accountant.page], async () => {
      const { page } = dispatcher;
      await signIn(page, DEMO.dispatcher);
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Work orders)').click();
      await page.waitForSelector('table[aria-label="Work orders"] tbody tr');
      expect(await seriousViolations(page)).toEqual([]);

      // A dispatcher's form has no prices.
      await page.locator('::-p-aria(New work order)').click();
      const picker = await page.locator('[role="dialog"] ::-p-aria([name="Account"][role="combobox"])').waitHandle();
      await picker.click();
      const first = await page.waitForSelector('li[role="option"]');
      await first!.click();
      await page.locator('[role="dialog"] ::-p-aria([name="Description"][role="textbox"])').fill('The boiler pump has failed');
      await page.locator(inDialog('Description 1')).fill(job);
      await retype(page, inDialog('Quantity 1'), '2');
      expect(await page.$('[role="dialog"] ::-p-aria([name="Unit price 1"][role="textbox"])')).toBeNull();
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('[role="dialog"] ::-p-aria(Create work order)').click();

      await page.waitForFunction(() => /^\/work-orders\/[0-9a-f-]{36}$/.test(location.pathname));
      await page.waitForFunction(() => /^WO-\d{4}-\d{4}$/.test(document.querySelector('main h1')?.textContent ?? ''));
      const url = page.url();
      const number = await heading(page);
      await page.locator(`table[aria-label="Lines"] ::-p-text(${job})`).wait();
      await page.locator('table[aria-label="Lines"] ::-p-text(Not priced)').wait();
      expect(await fieldValue(page, 'Invoice')).toBeNull();
      expect(await seriousViolations(page)).toEqual([]);
      await move(page, 'Schedule', 'Scheduled');
      await move(page, 'Start', 'In progress');

      // The office prices the line while the job is under way (a completed order no longer changes).
      const office = accountant.page;
      await signIn(office, DEMO.accountant);
      await office.goto(url, { waitUntil: 'domcontentloaded' });
      await office.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, {}, number);
      expect(await fieldValue(office, 'Invoice')).toBe('Not billed yet');
      await office.locator('main ::-p-aria([name="Edit"][role="button"])').click();
      await office.locator(`[role="dialog"] ::-p-text(Edit ${number})`).wait();
      await office.locator(inDialog('Unit price 1')).fill('95.50');
      await office.locator('[role="dialog"] [role="status"] ::-p-text(Total 191.00)').wait();
      expect(await seriousViolations(office)).toEqual([]);
      await office.locator('[role="dialog"] ::-p-aria(Save)').click();
      await office.waitForSelector('[role="dialog"]', { hidden: true });
      await office.waitForFunction(
        () => Array.from(document.querySelectorAll('main dt')).find((d) => d.textContent === 'Total')?.nextElementSibling?.textContent === '$191.00',
      );

      // The dispatcher completes it, as it now stands; billing is not theirs.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.locator('table[aria-label="Lines"] ::-p-text($95.50)').wait();
      await move(page, 'Complete', 'Completed');
      await page.locator('main ::-p-aria([name="Reopen"][role="button"])').wait();
      expect(await page.$('main ::-p-aria([name="Create invoice"][role="button"])')).toBeNull();
      expect(dispatcher.errors).toEqual([]);

      // The accountant bills it: a draft invoice with the order's line.
      await office.reload({ waitUntil: 'domcontentloaded' });
      await office.waitForFunction(() => document.querySelector('main dt + dd')?.textContent === 'Completed');
      await office.locator('main ::-p-aria([name="Create invoice"][role="button"])').click();
      await office.waitForFunction(() => /^\/invoices\/[0-9a-f-]{36}$/.test(location.pathname));
      await office.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Draft invoice');
      await office.locator(`table[aria-label="Lines"] ::-p-text(${job})`).wait();
      expect(await fieldValue(office, 'Total')).toBe('$191.00');
      await office.locator(`main ::-p-aria([name="${number}"][role="link"])`).wait();
      expect(await seriousViolations(office)).toEqual([]);
      expect(accountant.errors).toEqual([]);
    });
    await dispatcher.context.close();
    await accountant.context.close();
  });
});

describe('expenses and reports', () => {
  it('an accountant reads the expenses and the three reports, which pass the accessibility checks', async () => {
    const { context, page, errors } = await openSession(browser);
    page.setDefaultTimeout(60_000);
    await withScreenshots('reports', [page], async () => {
      await signIn(page, DEMO.accountant);
      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Expenses)').click();
      await page.waitForSelector('table[aria-label="Expenses"]');
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator('nav[aria-label="Main navigation"] ::-p-aria(Reports)').click();
      await page.locator('main ::-p-aria([name="Trial balance"][role="heading"])').wait();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${BASE_URL()}/reports/trial-balance`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('table[aria-label="Trial balance"] tfoot');
      // The two totals are equal at every date.
      const totals = await page.$$eval('table[aria-label="Trial balance"] tfoot td', (tds) => tds.map((td) => td.textContent).filter(Boolean));
      expect(totals).toHaveLength(2);
      expect(totals[0]).toBe(totals[1]);
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator('nav[aria-label="Reports"] ::-p-aria(Profit and loss)').click();
      await page.waitForSelector('table[aria-label="Profit and loss"]');
      await page.locator('table[aria-label="Profit and loss"] ::-p-text(Net income)').wait();
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator('nav[aria-label="Reports"] ::-p-aria(AR aging)').click();
      await page.waitForSelector('table[aria-label="AR aging"]');
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
    await context.close();
  });
});
