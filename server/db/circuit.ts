/**
 * A circuit breaker for the database. While it is closed, work goes to the database. Once
 * the database is found unreachable it opens: work fails at once, and a single background
 * probe checks the database — soon at first, then less often up to `maxDelayMs` — and closes
 * the circuit the moment the probe succeeds.
 */
export interface CircuitOptions {
  firstDelayMs?: number;
  maxDelayMs?: number;
  log?: { warn(message: string): void; info(message: string): void };
}

export class Circuit {
  private openedAt: number | null = null;
  private nextProbeAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly options: CircuitOptions = {},
  ) {
    this.firstDelayMs = options.firstDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 2_000;
  }

  get isOpen(): boolean {
    return this.openedAt !== null;
  }

  /** Whole seconds until the probe has checked again (at least 1), for Retry-After. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.nextProbeAt - Date.now()) / 1000));
  }

  /** The database was found unreachable: open, and start the probe unless it runs already. */
  open(reason: string): void {
    if (this.openedAt !== null || this.disposed) return;
    this.openedAt = Date.now();
    this.options.log?.warn(`The database is unreachable (${reason}); requests fail at once until it answers again.`);
    this.schedule(this.firstDelayMs);
  }

  /** Stops probing for good (the application is closing). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number) {
    this.nextProbeAt = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.check(delayMs), delayMs);
    // A probe alone never keeps the process alive.
    this.timer.unref();
  }

  private async check(lastDelayMs: number) {
    if (this.disposed) return;
    try {
      await this.probe();
    } catch {
      if (!this.disposed) this.schedule(Math.min(lastDelayMs * 2, this.maxDelayMs));
      return;
    }
    const downMs = Date.now() - (this.openedAt ?? Date.now());
    this.openedAt = null;
    if (!this.disposed) this.options.log?.info(`The database answers again after ${(downMs / 1000).toFixed(1)} s.`);
  }
}
