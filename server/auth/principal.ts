import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { User } from '../domain/auth.js';
import { unauthorized } from '../http/problem.js';
import { usersRepo } from '../repos/users.js';
import { hashSecret } from './secrets.js';
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
  }
}

/**
 * Who is calling: a signed session cookie or an `Authorization: Bearer` API token. A few
 * seconds of cache spare a round trip per request; logout and token revocation evict here
 * at once, and other instances within the TTL.
 */
export const principalPlugin = fp(async (app) => {
  const cache = new TtlCache<string, User | null>(5_000, 10_000);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionHash', null);
  app.decorate('principalCache', cache);

  app.addHook('onRequest', async (request) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const hash = hashSecret(bearer);
      request.user = await cache.getOrLoad(`t:${hash}`, async () => {
        const user = await app.db.read((tx) => usersRepo.byToken(tx, hash));
        if (user) void app.db.write((tx) => usersRepo.touchToken(tx, hash)).catch(() => {});
        return user ?? null;
      });
      if (!request.user) throw unauthorized('That API token is not valid (revoked or mistyped).');
      return;
    }
    const raw = request.cookies[SESSION_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    if (unsigned?.valid && unsigned.value) {
      const hash = hashSecret(unsigned.value);
      request.sessionHash = hash;
      request.user = await cache.getOrLoad(`s:${hash}`, async () => (await app.db.read((tx) => usersRepo.bySession(tx, hash))) ?? null);
    }
    // Before validation, so an anonymous caller hears "sign in", not what is wrong with the body.
    if (!request.user && !request.routeOptions.config.public && request.routeOptions.url) throw unauthorized();
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    principalCache: TtlCache<string, User | null>;
  }
}

export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw unauthorized();
  return request.user;
}
