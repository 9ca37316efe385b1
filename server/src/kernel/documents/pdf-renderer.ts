import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, HTTPRequest, PuppeteerNode } from 'puppeteer-core';
import { config } from '../../config/env';
import { logger } from '../logger';
import { DeadlineError, withDeadline } from './deadline';

/** puppeteer-core, loaded on the first render only: an API process that never prints keeps ~20 MB less. */
function loadPuppeteer(): PuppeteerNode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load, on purpose
  return (require('puppeteer-core') as { default: PuppeteerNode }).default;
}

/** Rendering did not finish in time; the page was closed. */
export class RenderTimeoutError extends DeadlineError {}

// Headless Chromium on servers and in containers with no network to speak of: no GPU, no first-run
// UI, no background connections (refused on closed networks), shared memory in /tmp instead of a
// small /dev/shm. Root cannot use Chromium's sandbox at all.
const ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

/** One launched browser; it is replaced after `recycleAfter` renders so its memory cannot grow without bound. */
interface Instance {
  browser: Browser;
  userDataDir: string;
  renders: number;
  active: number;
  retired: boolean;
}

export interface PdfRendererOptions {
  /** The Chromium binary; CHROMIUM_PATH by default (read at launch). */
  executablePath?: () => string;
  recycleAfter?: number;
}

/**
 * HTML → PDF with one Chromium per process, launched on first use and shared by every render (a
 * fresh browser context and page each). A browser that crashed or was killed is replaced by the
 * next render. Pages run no JavaScript and fetch nothing but data: URIs: templates are complete,
 * server-rendered HTML, and customer text in them must not reach the network.
 */
export class PdfRenderer {
  private current: Instance | undefined;
  private launching: Promise<Instance> | undefined;
  private readonly instances = new Set<Instance>();

  constructor(private readonly opts: PdfRendererOptions = {}) {}

  /** The PDF of `html`; rejects with RenderTimeoutError when it takes longer than `timeoutMs`. */
  async render(html: string, { timeoutMs }: { timeoutMs: number }): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    const timeout = () => new RenderTimeoutError(`Chromium did not finish the PDF within ${timeoutMs} ms`);
    // A browser that died since its last render fails at once: one more try on a fresh one.
    for (let attempt = 1; ; attempt++) {
      const inst = await withDeadline(this.acquire(), deadline, timeout);
      try {
        return await this.renderOn(inst, html, deadline, timeout);
      } catch (err) {
        if (inst.browser.connected || err instanceof RenderTimeoutError || attempt > 1) throw err;
        logger.warn({ err }, 'Chromium went away during a render; retrying on a new browser');
      }
    }
  }

  /** The browser renders currently go to (tests stop it to check that it is replaced). */
  currentBrowser(): Browser | undefined {
    return this.current?.browser;
  }

  /** Closes every browser (process shutdown). A later render launches a new one. */
  async close(): Promise<void> {
    const pending = this.launching?.catch(() => undefined);
    this.current = undefined;
    await pending;
    await Promise.all([...this.instances].map((i) => this.closeInstance(i)));
  }

  private async renderOn(inst: Instance, html: string, deadline: number, timeout: () => RenderTimeoutError): Promise<Buffer> {
    inst.active++;
    inst.renders++;
    const state: { context?: BrowserContext; abandoned: boolean } = { abandoned: false };
    const work = this.print(inst, html, deadline, state);
    try {
      return await withDeadline(work, deadline, timeout);
    } finally {
      state.abandoned = true;
      work.catch(() => undefined); // after a timeout its own failure is expected
      if (state.context) await this.closeContext(inst, state.context);
      inst.active--;
      if (inst.retired && inst.active === 0) void this.closeInstance(inst);
    }
  }

  private async print(inst: Instance, html: string, deadline: number, state: { context?: BrowserContext; abandoned: boolean }): Promise<Buffer> {
    const left = () => Math.max(1, deadline - Date.now());
    const context = await inst.browser.createBrowserContext();
    state.context = context;
    if (state.abandoned) {
      // The render timed out while the context was being made: nobody else will close it.
      await this.closeContext(inst, context);
      throw new RenderTimeoutError('abandoned');
    }
    const page = await context.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req: HTTPRequest) => {
      if (req.isInterceptResolutionHandled()) return;
      void (req.url().startsWith('data:') ? req.continue() : req.abort('blockedbyclient')).catch(() => undefined);
    });
    await page.setContent(html, { waitUntil: 'load', timeout: left() });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, timeout: left() });
    return Buffer.from(pdf);
  }

  /** Closing the context closes its page, also one still loading or printing; a browser that cannot do that is killed. */
  private async closeContext(inst: Instance, context: BrowserContext): Promise<void> {
    try {
      await withDeadline(context.close(), Date.now() + 5000, () => new DeadlineError('closing the page took too long'));
    } catch (err) {
      if (!inst.browser.connected) return;
      logger.warn({ err }, 'Chromium did not close a page; replacing the browser');
      this.kill(inst);
    }
  }

  private async acquire(): Promise<Instance> {
    const cur = this.current;
    if (cur && cur.browser.connected && cur.renders < (this.opts.recycleAfter ?? 200)) return cur;
    if (cur) this.retire(cur);
    this.launching ??= this.launch()
      .then((inst) => (this.current = inst))
      .finally(() => (this.launching = undefined));
    return this.launching;
  }

  private async launch(): Promise<Instance> {
    const executablePath = this.opts.executablePath?.() ?? config().CHROMIUM_PATH;
    if (!fs.existsSync(executablePath)) {
      throw new Error(
        `Chromium was not found at ${executablePath}: install it (e.g. apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary`,
      );
    }
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'converge-pdf-'));
    let browser: Browser;
    try {
      browser = await loadPuppeteer().launch({
        executablePath,
        headless: true,
        userDataDir,
        args: ARGS,
        // Over a pipe, Chromium also exits when this process dies, however it dies.
        pipe: true,
        // Shutdown is ours (close()); puppeteer's own signal handlers would race it.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: 30_000,
      });
    } catch (err) {
      fs.rm(userDataDir, { recursive: true, force: true }, () => undefined);
      throw new Error(`Chromium (${executablePath}) did not start: ${(err as Error).message}`);
    }
    const inst: Instance = { browser, userDataDir, renders: 0, active: 0, retired: false };
    this.instances.add(inst);
    browser.once('disconnected', () => {
      this.instances.delete(inst);
      if (this.current === inst) this.current = undefined;
      if (!inst.retired) logger.warn({ pid: browser.process()?.pid }, 'Chromium for PDFs went away; the next render starts a new one');
      fs.rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }, () => undefined);
    });
    logger.info({ pid: browser.process()?.pid }, 'Chromium for PDFs started');
    return inst;
  }

  /** Takes a browser out of use; it closes once its last render is done. */
  private retire(inst: Instance): void {
    inst.retired = true;
    if (this.current === inst) this.current = undefined;
    if (inst.active === 0) void this.closeInstance(inst);
  }

  private async closeInstance(inst: Instance): Promise<void> {
    inst.retired = true;
    if (this.current === inst) this.current = undefined;
    if (!inst.browser.connected) return;
    try {
      await withDeadline(inst.browser.close(), Date.now() + 5000, () => new DeadlineError('closing Chromium took too long'));
    } catch {
      this.kill(inst);
    }
  }

  private kill(inst: Instance): void {
    inst.retired = true;
    if (this.current === inst) this.current = undefined;
    inst.browser.process()?.kill('SIGKILL');
  }
}

/** This process's renderer (job workers use it; shutdown closes it). */
export const pdfRenderer = new PdfRenderer();
