import type { Browser, Page } from 'puppeteer-core';
import { DEMO, launchBrowser, openSession, signIn, withScreenshots } from './browser';
import { seriousViolations } from './axe';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const aria = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

async function openFromNav(page: Page, area: string): Promise<void> {
  await page.locator(`nav[aria-label="Main navigation"] ${aria('link', area)}`).click();
  await page.waitForSelector(`table[aria-label="${area}"] tbody tr`);
}

describe('contacts and interactions', () => {
  it('a rep creates a contact at an account, logs an interaction for it, and the screens pass the accessibility checks', async () => {
    const { page, errors } = await openSession(browser);
    // Typing into the dialogs re-renders them per key; on a busy machine that outlasts the default wait.
    page.setDefaultTimeout(30_000);
    const suffix = Date.now().toString(36);
    const first = 'Quinn';
    const last = `Tester ${suffix}`;
    const subject = `Call ${suffix}`;
    await withScreenshots('rep-contact-interaction', [page], async () => {
      await signIn(page, DEMO.rep);
      await openFromNav(page, 'Contacts');
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator(aria('button', 'New contact')).click();
      await page.locator(aria('dialog', 'New contact')).wait();
      await page.locator(aria('textbox', 'First name')).fill(first);
      await page.locator(aria('textbox', 'Last name')).fill(last);
      await page.locator(aria('textbox', 'Email')).fill(`quinn.${suffix}@example.com`);
      const picker = await page.locator(aria('combobox', 'Account')).waitHandle();
      await picker.click();
      await page.locator('li[role="option"]').click();
      const account = await picker.evaluate((el) => (el as HTMLInputElement).value);
      expect(account).not.toBe('');
      await page.locator(aria('button', 'Create contact')).click();

      // Created: the app opens the new contact's page.
      await page.locator(aria('heading', `${first} ${last}`)).wait();
      expect(page.url()).toMatch(/\/contacts\/[0-9a-f-]{36}$/);
      await page.locator(aria('link', account)).wait();
      await page.locator(aria('region', 'Interactions (0)')).wait();
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator(aria('button', 'Log interaction')).click();
      await page.locator(aria('dialog', 'New interaction')).wait();
      await page.locator(aria('textbox', 'Subject')).fill(subject);
      await page.locator(aria('textbox', 'Details')).fill('Site visit next week');
      await page.locator(aria('button', 'Create interaction')).click();
      await page.locator(`${aria('region', 'Interactions (1)')} ${aria('link', subject)}`).wait();
      // The closing dialog's backdrop takes clicks until its fade ends.
      await page.waitForSelector('[role="dialog"]', { hidden: true });

      await openFromNav(page, 'Interactions');
      // Newest first: the interaction just logged heads the list.
      await page.locator(`table[aria-label="Interactions"] ${aria('link', subject)}`).wait();
      expect(await page.$eval('table[aria-label="Interactions"] tbody tr a', (a) => a.textContent)).toBe(subject);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }, 90_000);
});
