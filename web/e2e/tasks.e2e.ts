import type { Browser, Page } from 'puppeteer-core';
import { seriousViolations } from './axe';
import { BASE_URL, DEMO, graphqlOk, launchBrowser, openSession, signIn, tokenOf, withScreenshots } from './browser';

// Signing in, axe runs and dialogs take a while on a busy two-core machine.
jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const aria = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect({ what, violations }).toEqual({ what, violations: [] });
}

const CREATE_TASK = 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }';

describe('tasks', () => {
  it('My tasks: a rep finds an overdue task first, completes it with one click, and the task screens pass axe', async () => {
    const { page, errors } = await openSession(browser);
    page.setDefaultTimeout(60_000);
    const token = await tokenOf(DEMO.rep);
    const { me } = await graphqlOk<{ me: { id: string } }>('{ me { id } }', {}, token);
    const stamp = Date.now().toString(36);
    const overdue = `Call back ${stamp}`;
    const later = `Send the contract ${stamp}`;
    const day = 24 * 3600 * 1000;
    const { createTask: t1 } = await graphqlOk(
      CREATE_TASK,
      { input: { title: overdue, dueAt: new Date(Date.now() - day).toISOString(), assigneeId: me.id } },
      token,
    );
    await graphqlOk(CREATE_TASK, { input: { title: later, dueAt: new Date(Date.now() + 7 * day).toISOString(), assigneeId: me.id } }, token);

    await withScreenshots('my-tasks', [page], async () => {
      await signIn(page, DEMO.rep);
      await page.locator(`nav[aria-label="Main navigation"] ${aria('link', 'My tasks')}`).click();
      await page.locator(`section[aria-labelledby="tasks-overdue"] ${aria('link', overdue)}`).wait();
      await page.locator(`section[aria-labelledby="tasks-later"] ${aria('link', later)}`).wait();
      expect(await page.title()).toBe('My tasks · Converge');
      await expectAccessible(page, 'my tasks');

      await page.locator(aria('checkbox', `Complete ${overdue}`)).click();
      await page.locator(`::-p-text(“${overdue}” done)`).wait();
      await page.waitForFunction((t) => ![...document.querySelectorAll('main a')].some((a) => a.textContent === t), {}, overdue);
      const { task } = await graphqlOk<{ task: { done: boolean; completedAt: string | null } }>(
        'query($id: ID!) { task(id: $id) { done completedAt } }',
        { id: t1.id },
        token,
      );
      expect(task.done).toBe(true);
      expect(task.completedAt).not.toBeNull();

      // The list of all tasks, and a task's own page.
      await page.locator(`nav[aria-label="Main navigation"] ${aria('link', 'Tasks')}`).click();
      await page.waitForSelector('table[aria-label="Tasks"] tbody tr');
      await expectAccessible(page, 'tasks list');
      await page.goto(`${BASE_URL()}/tasks/mine`, { waitUntil: 'domcontentloaded' });
      await page.locator(aria('link', later)).click();
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, {}, later);
      await page.locator(aria('button', 'Mark done')).wait();
      await expectAccessible(page, 'task detail');
      expect(errors).toEqual([]);
    });
    await page.browserContext().close();
  });

  it('a rep adds a task from a deal page, and the deals list shows it as the deal’s next task', async () => {
    const { page, errors } = await openSession(browser);
    page.setDefaultTimeout(60_000);
    const token = await tokenOf(DEMO.rep);
    const stamp = Date.now().toString(36);
    const dealName = `E2E task deal ${stamp}`;
    const title = `Book the site visit ${stamp}`;
    const { accounts } = await graphqlOk(`{ accounts(first: 1) { nodes { id } } }`, {}, token);
    const { createDeal } = await graphqlOk(
      'mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }',
      { input: { name: dealName, accountId: accounts.nodes[0].id, amount: '900', stage: 'PROSPECTING' } },
      token,
    );

    await withScreenshots('deal-add-task', [page], async () => {
      await signIn(page, DEMO.rep);
      await page.goto(`${BASE_URL()}/deals/${createDeal.id}`, { waitUntil: 'domcontentloaded' });
      await page.locator(aria('region', 'Tasks (0)')).wait();
      await page.locator(aria('button', 'Log interaction')).wait();
      await page.locator(aria('button', 'Add task')).click();
      await page.locator(aria('dialog', 'New task')).wait();
      expect(
        await page
          .locator(`[role="dialog"] ${aria('combobox', 'Deal')}`)
          .map((el) => (el as HTMLInputElement).value)
          .wait(),
      ).toBe(dealName);
      await page.locator(`[role="dialog"] ${aria('textbox', 'Title')}`).fill(title);
      await page.locator(aria('button', 'Create task')).click();
      await page.locator(`${aria('region', 'Tasks (1)')} ${aria('link', title)}`).wait();
      await expectAccessible(page, 'deal with a task');

      await page.locator(`nav[aria-label="Main navigation"] ${aria('link', 'Deals')}`).click();
      // Newest first: the deal just made heads the list, its next task beside it.
      await page.waitForFunction(
        (d, t) =>
          [...document.querySelectorAll('table[aria-label="Deals"] tbody tr')].some(
            (r) => r.textContent!.includes(d as string) && r.textContent!.includes(t as string),
          ),
        {},
        dealName,
        title,
      );
      expect(errors).toEqual([]);
    });
    await page.browserContext().close();
  });
});
