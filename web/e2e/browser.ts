import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { chromiumPath } from './global-setup';

export const BASE_URL = (): string => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: the e2e global setup starts the server');
  return url;
};

export const DEMO_PASSWORD = 'converge-demo';
export const DEMO = {
  admin: 'admin@demo.converge.dev',
  manager: 'manager@demo.converge.dev',
  rep: 'rep@demo.converge.dev',
  accountant: 'accountant@demo.converge.dev',
  dispatcher: 'dispatcher@demo.converge.dev',
};

/** Screenshots of failing tests go here (git-ignored). */
export const SHOTS_DIR = path.resolve(__dirname, '..', 'test-results', 'screenshots');

// Flags for headless Chromium on machines with a closed network (STACK.md).
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'converge-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    userDataDir,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  browser.once('disconnected', () => fs.rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }, () => undefined));
  return browser;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh browser context (own storage) with one wide page; page errors are collected. */
export async function openSession(browser: Browser, width = 1400): Promise<Session> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height: 900 });
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
  return { context, page, errors };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${BASE_URL()}/`, { waitUntil: 'domcontentloaded' });
  await page.locator('::-p-aria(Email)').fill(email);
  await page.locator('::-p-aria(Password)').fill(password);
  await page.locator('::-p-aria(Sign in)').click();
  // Wide screens show the navigation; phone widths show the button that opens it.
  await page.waitForSelector('nav[aria-label="Main navigation"], button[aria-label="Open navigation"]');
}

/** A field of the open dialog by its accessible name (a textbox unless another role is given). */
export const inDialog = (name: string, role = 'textbox') => `[role="dialog"] ::-p-aria([name="${name}"][role="${role}"])`;

/** The page's main heading. */
export const heading = (page: Page) => page.$eval('main h1', (h) => h.textContent ?? '');

/** Replaces a field's text by keyboard (Locator.fill appends to a React-controlled field that has text). */
export async function retype(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Text of the elements matching a selector. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  return file;
}

/**
 * Runs a step and, when it fails, saves a screenshot of every open page before rethrowing —
 * so a red run leaves pictures of what the browser showed.
 */
export async function withScreenshots<T>(name: string, pages: Page[], step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    await Promise.all(pages.map((p, i) => screenshot(p, `${name}-${i}`).catch(() => undefined)));
    throw err;
  }
}

export interface GraphQLReply<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Calls the API directly, as an integration (or another user, elsewhere) would. */
export async function graphql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<GraphQLReply<T>> {
  const res = await fetch(`${BASE_URL()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLReply<T>;
}

/** The data of a call that must succeed. */
export async function graphqlOk<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<T> {
  const reply = await graphql<T>(query, variables, bearer);
  if (reply.errors?.length || !reply.data) throw new Error(JSON.stringify(reply.errors));
  return reply.data;
}

/** A session token of a demo user, for changes made "elsewhere" during a test. */
export async function tokenOf(email: string): Promise<string> {
  const { login } = await graphqlOk<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
    e: email,
    p: DEMO_PASSWORD,
  });
  return login.token;
}
