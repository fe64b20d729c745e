import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden } from './problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origin the app is served from: PUBLIC_URL when set (a proxy that rewrites Host
 * without forwarding it), else what the request says it asked for. trustProxy is on, so
 * that is X-Forwarded-Proto/Host behind a proxy; a browser cannot forge either on a form
 * post or a simple fetch, since neither may carry custom headers across origins.
 */
export function appOrigin(request: FastifyRequest, publicUrl: string | undefined): string | null {
  if (publicUrl) return new URL(publicUrl).origin;
  try {
    // Through URL, so that "example.org:443" over https is the origin "https://example.org".
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return null;
  }
}

function normalised(origin: string): string | null {
  try {
    return new URL(origin).origin;
  } catch {
    return null;
  }
}

/**
 * Why a state-changing request looks sent by another origin's page, or null when it does
 * not. Sec-Fetch-Site, which no page can set, decides where the browser sends it; Origin
 * is the fallback for browsers that do not (as in Go's CrossOriginProtection).
 */
export function crossOriginReason(request: FastifyRequest, publicUrl: string | undefined): string | null {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) {
    // "none" is a request the person started themselves (typed, bookmarked).
    return site === 'same-origin' || site === 'none' ? null : `The browser marked this request as ${site}, not same-origin`;
  }
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  if (origin === 'null') return 'It comes from an opaque origin (a sandboxed frame or a file)';
  const own = appOrigin(request, publicUrl);
  if (!own) return 'The request names no valid host to compare its origin with';
  return normalised(origin) === own ? null : `It comes from ${origin}, not ${own}`;
}

/**
 * Refuses writes that another origin's page makes the browser send with our cookie. Lax
 * cookies still travel to same-site origins (another port, a sibling subdomain), so the
 * test is the exact origin, not the site. Callers without Origin and Sec-Fetch-Site are
 * not browsers acting for a page (curl, scripts, server-side callers) and pass; a Bearer
 * token is not an ambient credential, and a page cannot attach one across origins without
 * a CORS preflight this app never grants.
 */
export function installCsrfGuard(app: FastifyInstance, options: { publicUrl?: string | undefined }) {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (/^Bearer\s/i.test(request.headers.authorization ?? '')) return;
    const reason = crossOriginReason(request, options.publicUrl);
    if (reason) {
      throw forbidden(
        `${reason}, so it was refused: changes are accepted only from powermap's own pages. Scripts can send no Origin header, or use an API token.`,
      );
    }
  });
}
