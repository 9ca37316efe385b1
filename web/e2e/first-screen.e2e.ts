import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { BASE_URL, DEMO, launchBrowser, openSession, signIn, withScreenshots } from './browser';

// The first screen of a signed-in reload: how long after navigation the accounts list shows its
// rows, and that the requests that used to follow one another (shell chunk → `me` → route chunk →
// list query) now leave together. The figure is written to web/test-results/first-screen.json and
// quoted in the README. The order of the requests is what the test holds to; the time bound only
// catches a first screen that hangs, as the browser tests share two busy cores.
jest.setTimeout(120_000);

const RELOADS = 5;
/** Ten times the figure on an idle machine: one CI run measured a median of 1 s beside the other tests. */
const BOUND_MS = 5_000;

interface Timeline {
  firstRows: number;
  operations: { name: string; start: number; end: number }[];
  chunks: { name: string; start: number; end: number }[];
}

// Runs in the page before its own scripts: notes when each GraphQL operation leaves and returns, and
// when the first list row appears (times are ms from the navigation's start).
function instrument() {
  const w = window as unknown as { __firstScreen: { firstRows: number; operations: { name: string; start: number; end: number }[] } };
  w.__firstScreen = { firstRows: -1, operations: [] };
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    let name = '';
    try {
      name = JSON.parse(String(init?.body ?? '{}')).operationName ?? '';
    } catch {
      /* not a GraphQL request */
    }
    const op = { name, start: performance.now(), end: -1 };
    w.__firstScreen.operations.push(op);
    return original(input, init).then((res) => {
      op.end = performance.now();
      return res;
    });
  };
  const observer = new MutationObserver(() => {
    if (w.__firstScreen.firstRows < 0 && document.querySelector('table[aria-label="Accounts"] tbody tr a')) {
      w.__firstScreen.firstRows = performance.now();
      observer.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
}

async function reload(page: Page): Promise<Timeline> {
  await page.goto(`${BASE_URL()}/accounts`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => (window as unknown as { __firstScreen: { firstRows: number } }).__firstScreen.firstRows > 0);
  return page.evaluate(() => {
    const w = window as unknown as { __firstScreen: { firstRows: number; operations: { name: string; start: number; end: number }[] } };
    const chunks = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.name.endsWith('.js'))
      .map((r) => ({ name: r.name.split('/').pop()!, start: r.startTime, end: r.responseEnd }));
    return { firstRows: w.__firstScreen.firstRows, operations: w.__firstScreen.operations, chunks };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the first screen', () => {
  it('a signed-in reload of the accounts list loads the shell, `me`, the page chunks and the list query together', async () => {
    const session = await openSession(browser);
    const { page } = session;
    await withScreenshots('first-screen', [page], async () => {
      await signIn(page, DEMO.manager);
      await page.evaluateOnNewDocument(instrument);
      await reload(page); // the first visit fills the HTTP cache, as a returning user's browser has it
      const runs: Timeline[] = [];
      for (let i = 0; i < RELOADS; i++) runs.push(await reload(page));

      for (const run of runs) {
        const shell = run.chunks.find((c) => c.name.startsWith('SignedInApp-'));
        const kitPages = run.chunks.find((c) => c.name.startsWith('pages-'));
        const me = run.operations.filter((o) => o.name === 'Me');
        const list = run.operations.filter((o) => o.name === 'Accounts');
        expect(shell && kitPages).toBeTruthy();
        // `me` leaves before the shell's chunk has arrived, the page's chunks before `me` is back,
        // and the list query once, before the shell could have asked for it by rendering.
        expect(me.length).toBeGreaterThanOrEqual(1);
        expect(me[0].start).toBeLessThan(shell!.end);
        expect(kitPages!.start).toBeLessThan(me[0].end);
        expect(list).toHaveLength(1);
        expect(list[0].start).toBeLessThan(run.firstRows);
      }
      const firstRows = runs.map((r) => Math.round(r.firstRows));
      const result = { medianMs: median(firstRows), runsMs: firstRows, reloads: RELOADS };
      const out = path.resolve(__dirname, '..', 'test-results');
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'first-screen.json'), `${JSON.stringify(result, null, 2)}\n`);
      process.stderr.write(`first rows of /accounts after a reload: median ${result.medianMs} ms (${firstRows.join(', ')} ms)\n`);
      expect(result.medianMs).toBeLessThan(BOUND_MS);
      expect(session.errors).toEqual([]);
    });
    await session.context.close();
  });
});
