export interface ThrottleSettings {
  /** Failures allowed before each further one makes the email wait. */
  freeFailures: number;
  /** Quiet time (no failure, no wait) after which an email's failures are forgotten. */
  windowMs: number;
  /** Wait after the first failure past the free ones; it doubles with every further one. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Emails remembered at once; the oldest are forgotten past this. */
  maxEntries: number;
}

export const defaultThrottle: ThrottleSettings = {
  freeFailures: 5,
  windowMs: 15 * 60_000,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  maxEntries: 50_000,
};

interface Entry {
  failures: number;
  lastFailure: number;
  lockedUntil: number;
}

/**
 * Failed sign-ins per email, known account or not, so that the answer and its wait say
 * nothing about whether an account exists. Past the free failures the wait doubles, up to
 * the cap, so a guesser gets about one try per cap (15 min) on one email. The price is
 * that someone can keep an email waiting by failing on purpose; the cap bounds that, and
 * sessions last 30 days. Kept in memory per instance: N instances allow N times the tries.
 */
export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();
  readonly settings: ThrottleSettings;

  constructor(
    settings: Partial<ThrottleSettings> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.settings = { ...defaultThrottle, ...settings };
  }

  /** Seconds this email must still wait before its password is checked again, or 0. */
  waitSeconds(email: string): number {
    const entry = this.entries.get(email);
    if (!entry) return 0;
    const left = entry.lockedUntil - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  failed(email: string) {
    const now = this.now();
    const { freeFailures, windowMs, firstDelayMs, maxDelayMs, maxEntries } = this.settings;
    const entry = this.entries.get(email) ?? { failures: 0, lastFailure: 0, lockedUntil: 0 };
    // Forgotten only after a quiet window that starts when the last wait ended: a sliding
    // window would let a patient guesser, who always waits out the delay, start over.
    if (now - Math.max(entry.lastFailure, entry.lockedUntil) > windowMs) entry.failures = 0;
    entry.failures += 1;
    entry.lastFailure = now;
    const past = entry.failures - freeFailures;
    if (past > 0) entry.lockedUntil = now + Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(past - 1, 30));
    // Re-inserted, so that the map's order is least recently failed first.
    this.entries.delete(email);
    this.entries.set(email, entry);
    while (this.entries.size > maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  succeeded(email: string) {
    this.entries.delete(email);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Failed sign-ins per email, shared by sign-in and the password change. */
    signInThrottle: SignInThrottle;
  }
}
