import { Unauthorized } from '../domain/errors.js';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { User } from '../domain/auth.js';
import { usersRepo, type TokenScope } from '../repos/users.js';
import { hashSecret } from './secrets.js';
import { installTokenScope } from './token-scope.js';
import { TtlCache } from './ttl-cache.js';

export const SESSION_COOKIE = 'pm_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-up, sign-in, health). */
    public?: boolean;
  }
  interface FastifyRequest {
    user: User | null;
    /** Hash of the session id from the cookie, when there is one. */
    sessionHash: string | null;
    /** The API token the request came with, and what it may do; null for a session. */
    token: TokenScope | null;
  }
}

/** Who a session or a token stands for, as cached. */
export interface Principal {
  user: User;
  token: TokenScope | null;
}

const expired = (token: TokenScope) => token.expiresAt !== null && Date.parse(token.expiresAt) <= Date.now();

/**
 * Who is calling: a signed session cookie or an `Authorization: Bearer` API token. A few
 * seconds of cache spare a round trip per request; logout and token revocation evict here
 * at once, and other instances within the TTL.
 */
export const principalPlugin = fp(async (app) => {
  const cache = new TtlCache<string, Principal | null>(5_000, 10_000);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionHash', null);
  app.decorateRequest('token', null);
  app.decorate('principalCache', cache);

  app.addHook('onRequest', async (request) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const hash = hashSecret(bearer);
      const found = await cache.getOrLoad(`t:${hash}`, async () => {
        const row = await app.db.read((tx) => usersRepo.byToken(tx, hash));
        if (!row) return null;
        // Once per cache load, not per request: "last used" to within seconds is enough.
        if (!expired(row.t)) void app.db.write((tx) => usersRepo.touchToken(tx, hash)).catch(() => {});
        return { user: row.u, token: row.t };
      });
      if (!found?.token) throw new Unauthorized('That API token is not valid (revoked or mistyped).');
      // Checked on every request rather than when loaded, so the cache cannot stretch a token's life.
      if (expired(found.token)) {
        throw new Unauthorized(`That API token expired at ${found.token.expiresAt}: make a new one on your account page.`);
      }
      request.user = found.user;
      request.token = found.token;
      return;
    }
    const raw = request.cookies[SESSION_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    if (unsigned?.valid && unsigned.value) {
      const hash = hashSecret(unsigned.value);
      request.sessionHash = hash;
      const found = await cache.getOrLoad(`s:${hash}`, async () => {
        const user = await app.db.read((tx) => usersRepo.bySession(tx, hash));
        return user ? { user, token: null } : null;
      });
      request.user = found?.user ?? null;
    }
    // Before validation, so an anonymous caller hears "sign in", not what is wrong with the body.
    if (!request.user && !request.routeOptions.config.public && request.routeOptions.url) throw new Unauthorized();
  });

  installTokenScope(app);
});

declare module 'fastify' {
  interface FastifyInstance {
    principalCache: TtlCache<string, Principal | null>;
  }
}

export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw new Unauthorized();
  return request.user;
}
