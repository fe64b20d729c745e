/**
 * The headers every answer carries: what a browser may run and load, that it must not
 * guess content types, and that no other site may frame powermap except its embeds.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYTOSCAPE_STYLE } from '../../server/http/security-headers.js';
import { testApp, type TestContext } from '../support/app.js';
import { builtClientDir } from '../support/server.js';

const directives = (csp: unknown) =>
  Object.fromEntries(
    String(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe('security headers', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // The client is served when built (npm test builds it first); the headers are the same either way.
    ctx = await testApp({ clientDir: builtClientDir });
  });
  afterAll(() => ctx.close());

  it('forbids framing, sniffing and inline script on the app, the API and the docs', async () => {
    for (const url of ['/', '/w/some-workspace', '/api/health', '/api/auth/me', '/api/docs/', '/api/openapi.json', '/api/nowhere']) {
      const res = await ctx.app.inject({ url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['frame-ancestors'], url).toEqual(["'none'"]);
      expect(csp['script-src'], url).toEqual(["'self'"]);
      expect(csp['object-src'], url).toEqual(["'none'"]);
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
    }
  });

  it('lets any site frame the pages under /embed/', async () => {
    const res = await ctx.app.inject({ url: '/embed/anything' });
    expect(res.headers['x-frame-options']).toBeUndefined();
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['frame-ancestors']).toEqual(['*']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Only the embed path: a look-alike elsewhere stays unframeable.
    const lookalike = await ctx.app.inject({ url: '/embedded/anything' });
    expect(directives(lookalike.headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
  });

  it('keeps the app’s styles to its own files, and gives the docs’ inline styles no more than they need', async () => {
    const app = directives((await ctx.app.inject({ url: '/' })).headers['content-security-policy']);
    // Beside our own files, only the one rule Cytoscape injects, by its hash.
    expect(app['style-src']).toEqual(["'self'", `'sha256-${createHash('sha256').update(CYTOSCAPE_STYLE).digest('base64')}'`]);
    expect(app['connect-src']).toEqual(["'self'"]);
    const docs = directives((await ctx.app.inject({ url: '/api/docs/static/index.html' })).headers['content-security-policy']);
    expect(docs['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(docs['connect-src']).toEqual(["'self'"]);
  });
});
