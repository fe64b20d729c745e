import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** Pages meant to be framed by other sites: the public embed of a map. */
export const isEmbedPath = (url: string) => url === '/embed' || url.startsWith('/embed/') || url.startsWith('/embed?');

/**
 * The one <style> element the client adds at run time: Cytoscape's rule for its container.
 * Allowed by its hash rather than 'unsafe-inline', so no other inline style gets in.
 */
export const CYTOSCAPE_STYLE = '.__________cytoscape_container { position: relative; }';
const styleHash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/**
 * The policy the built client runs under (tests/e2e/csp.test.ts checks it in Chromium):
 * scripts and styles only from our own files (and Cytoscape's one rule), no inline script
 * and no eval, data and API on our own origin. Images may come from any https address,
 * because an actor's picture is a URL the researcher pasted; data: and blob: are the
 * PNG/SVG exports drawn in the page.
 */
export const appDirectives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", styleHash(CYTOSCAPE_STYLE)],
  'worker-src': ["'self'", 'blob:'],
};

/**
 * Swagger UI (/api/docs) sets styles inline and draws its icons from data: URLs; it is
 * ours and reads only our OpenAPI document, so it gets that much more and nothing else.
 */
export const docsCsp = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

const helmetOptions = (framedBy: string): HelmetOptions => ({
  contentSecurityPolicy: { useDefaults: false, directives: { ...appDirectives, 'frame-ancestors': [framedBy] } },
  frameguard: framedBy === "'none'" ? { action: 'deny' } : false,
  // Referrers only within our own origin: links out to Wikidata or a filing must not
  // carry a workspace's address.
  referrerPolicy: { policy: 'same-origin' },
});

/**
 * Helmet's headers on every response: nosniff, HSTS (browsers heed it over https only),
 * the policy above, and no framing (CSP and X-Frame-Options) except for embeds. Helmet's
 * middleware is built once per kind of page and run as a hook: @fastify/helmet builds it
 * anew for every request, about 13 µs of CPU each against 3.5 µs built once (measured).
 */
export function installSecurityHeaders(app: FastifyInstance) {
  const page = helmet(helmetOptions("'none'"));
  const embed = helmet(helmetOptions('*'));
  app.addHook('onRequest', (request, reply, done) =>
    (isEmbedPath(request.url) ? embed : page)(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
}
