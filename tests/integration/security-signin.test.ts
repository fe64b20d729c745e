/**
 * Password guessing: a growing wait per email after repeated failures, limits per network
 * address on sign-in, sign-up and token creation, and answers that do not tell an unknown
 * email from a wrong password.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/app.js';
import { appWith, call, signUp } from '../support/api.js';
import { testApp, type TestContext } from '../support/app.js';

const login = (app: App, email: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('sign-in against guessing', () => {
  let ctx: TestContext;
  /** The per-address limits out of the way, to see the per-email wait alone. */
  let app: App;
  beforeAll(async () => {
    ctx = await testApp();
    app = await appWith(ctx.app, { rateLimits: { signIn: { max: 10_000, windowMs: 60_000 } } });
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  it('makes an email wait after repeated wrong passwords, with Retry-After, even for the right one', async () => {
    const me = await signUp(app, 'Guessed');
    const statuses: number[] = [];
    let last = await login(app, me.email, 'wrong guess 0');
    for (let i = 0; i < 30; i++) {
      last = await login(app, me.email, `wrong guess ${i}`);
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(last.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(last.json().detail).toMatch(/Too many failed sign-ins for this email: wait \d+ s/);
    // The right password waits too: otherwise the wait would tell a guesser when they hit it.
    const right = await login(app, me.email, 'correct horse battery');
    expect(right.statusCode).toBe(429);
    // Another account from the same address is not held up.
    const other = await signUp(app, 'Neighbour');
    expect((await login(app, other.email, 'correct horse battery')).statusCode).toBe(200);
  });

  it('answers an unknown email exactly as a wrong password, waits included', async () => {
    const me = await signUp(app, 'Known');
    const unknown = `nobody.${randomUUID().slice(0, 8)}@example.org`;
    const wrong = await login(app, me.email, 'not my password');
    const missing = await login(app, unknown, 'not my password');
    expect(missing.statusCode).toBe(401);
    expect(missing.statusCode).toBe(wrong.statusCode);
    expect(missing.body).toBe(wrong.body);
    expect(missing.headers['content-type']).toBe(wrong.headers['content-type']);

    let knownWait = wrong;
    let unknownWait = missing;
    for (let i = 0; i < 10; i++) {
      knownWait = await login(app, me.email, 'not my password');
      unknownWait = await login(app, unknown, 'not my password');
    }
    expect(unknownWait.statusCode).toBe(429);
    expect(knownWait.statusCode).toBe(429);
    expect(unknownWait.json().detail.replace(/\d+ s/, 'N s')).toBe(knownWait.json().detail.replace(/\d+ s/, 'N s'));
  });

  it('spends the same password check on an unknown email as on a known one', async () => {
    // Interleaved, so that the load of a busy machine falls on both alike; compared as
    // medians and only against a wide margin (without the dummy check, an unknown email
    // skips scrypt and answers several times faster).
    const accounts = [await signUp(app, 'Timed'), await signUp(app, 'Timed')];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (const account of accounts) {
        let start = performance.now();
        expect((await login(app, account.email, `wrong ${round}`)).statusCode).toBe(401);
        known.push(performance.now() - start);
        start = performance.now();
        expect((await login(app, `ghost.${randomUUID().slice(0, 8)}@example.org`, `wrong ${round}`)).statusCode).toBe(401);
        unknown.push(performance.now() - start);
      }
    }
    console.info(`sign-in failures: known email median ${median(known).toFixed(1)} ms, unknown email ${median(unknown).toFixed(1)} ms`);
    expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
  });

  describe('limits per address and per account', () => {
    let limited: App;
    beforeAll(async () => {
      limited = await appWith(ctx.app, {
        // Behind a proxy that says who called, as TRUST_PROXY tells the app to believe.
        config: { ...ctx.app.config, TRUST_PROXY: true },
        rateLimits: { signIn: { max: 3, windowMs: 60_000 }, signUp: { max: 2, windowMs: 60_000 }, account: { max: 2, windowMs: 60_000 } },
      });
    });
    afterAll(() => limited.close());

    it('refuses sign-ins from one address past the limit, whatever the emails', async () => {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await login(limited, `someone.${i}@example.org`, 'guess'));
      expect(answers.slice(0, 3).map((a) => a.statusCode)).toEqual([401, 401, 401]);
      expect(answers[3]!.statusCode).toBe(429);
      expect(Number(answers[3]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(answers[3]!.json()).toMatchObject({
        status: 429,
        title: 'Too many requests',
        detail: expect.stringMatching(/^Too many sign-in attempts from your network: try again in/),
      });
      // Another address is counted apart (TRUST_PROXY: the proxy's X-Forwarded-For names it).
      expect((await login(limited, 'someone@example.org', 'guess', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(401);
    });

    it('refuses sign-ups from one address past the limit, even when each comes with the last one’s session', async () => {
      let cookie = '';
      const statuses: number[] = [];
      for (let n = 0; n < 3; n++) {
        const res = await limited.inject({
          method: 'POST',
          url: '/api/auth/signup',
          headers: { 'x-forwarded-for': '198.51.100.7', ...(cookie ? { cookie } : {}) },
          payload: { email: `mass.${n}.${randomUUID().slice(0, 6)}@example.org`, password: 'correct horse battery', name: 'Mass' },
        });
        statuses.push(res.statusCode);
        const session = res.cookies.find((c) => c.name === 'pm_session');
        if (session) cookie = `pm_session=${session.value}`;
      }
      expect(statuses).toEqual([201, 201, 429]);
    });

    it('refuses token creation past the limit per account', async () => {
      const me = await signUp(limited, 'Minter');
      const mint = () => call(limited, me, 'POST', '/api/auth/tokens', { name: 'script' });
      const answers = [await mint(), await mint(), await mint()];
      expect(answers.map((a) => a.status)).toEqual([201, 201, 429]);
      expect(answers[2]!.body.detail).toMatch(/credentials/);
    });
  });
});
