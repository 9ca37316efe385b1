import { logger } from './logger';

/**
 * Runs `pass` now, or once more right after the pass in progress: passes never overlap, and a
 * poke that arrives during a pass is not lost (the next pass does what it asked for). A failed
 * pass is logged; the next poke tries again.
 */
export class Pump {
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly failure: string,
    private readonly context: Record<string, unknown> = {},
  ) {}

  poke(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .then(
        () => undefined,
        (err) => logger.warn({ err, ...this.context }, this.failure),
      )
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Resolves once no pass is running (including one started by a poke during the last). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Starts no further pass; resolves once the one in progress has finished. */
  close(): Promise<void> {
    this.closed = true;
    this.again = false;
    return this.idle();
  }
}
