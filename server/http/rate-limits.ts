import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Problem } from './problem.js';

export interface RateLimitRule {
  /** Requests allowed per window and key. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

/**
 * What each limit counts by. Sign-in, sign-up and public links count by address even for a
 * caller with a session: every sign-up hands out a new one, so counting by account would
 * give a script a fresh allowance per account it made.
 */
const countedBy: Record<RateLimitName, 'address' | 'account'> = {
  signIn: 'address',
  signUp: 'address',
  account: 'account',
  publicLookup: 'address',
};

/**
 * Production limits of the routes a stranger can hammer. They are backstops against
 * scripts, set well above what people do (a union office behind one address signs in many
 * times a morning); the growing per-account delay on failed sign-ins is what stops
 * password guessing. Counted per instance: N instances behind a balancer allow N times as
 * many.
 */
export const defaultRateLimits = {
  /** POST /api/auth/login, per address. */
  signIn: { max: 30, windowMs: 60_000 },
  /** POST /api/auth/signup, per address. */
  signUp: { max: 60, windowMs: 10 * 60_000 },
  /** POST /api/auth/tokens and /api/auth/password, per account. */
  account: { max: 30, windowMs: 10 * 60_000 },
  /** Public lookups by secret (invite links, public share links), per address. */
  publicLookup: { max: 60, windowMs: 60_000 },
} satisfies Record<string, RateLimitRule>;

export type RateLimits = Record<keyof typeof defaultRateLimits, RateLimitRule>;
export type RateLimitName = keyof RateLimits;

declare module 'fastify' {
  interface FastifyInstance {
    rateLimits: RateLimits;
  }
}

const messages: Record<RateLimitName, string> = {
  signIn: 'Too many sign-in attempts from your network',
  signUp: 'Too many accounts were created from your network',
  account: 'Too many changes to your account’s credentials',
  publicLookup: 'Too many requests for shared links from your network',
};

const byAddress = (request: FastifyRequest) => `ip:${request.ip}`;
const byAccount = (request: FastifyRequest) => (request.user ? `user:${request.user.id}` : byAddress(request));

/**
 * Registers @fastify/rate-limit for routes that ask for it (nothing is limited globally)
 * with limits that refuse as problem objects; `overrides` lets one app instance (a test)
 * use other numbers than production's.
 */
export async function installRateLimits(app: FastifyInstance, overrides: Partial<RateLimits> = {}) {
  app.decorate('rateLimits', { ...defaultRateLimits, ...overrides });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => {
      const name = (request.routeOptions.config as { rateLimitName?: RateLimitName }).rateLimitName;
      const what = name ? messages[name] : 'Too many requests';
      return new Problem(429, 'Too many requests', `${what}: try again in ${context.after}.`);
    },
  });
}

/**
 * Route config that applies one of the named limits, e.g.
 * `config: { public: true, ...rateLimited(app, 'publicLookup') }`. The hook runs after the
 * caller is known, before the body is parsed, so that floods of junk are counted too.
 */
export function rateLimited(app: FastifyInstance, name: RateLimitName): { rateLimit: RateLimitOptions; rateLimitName: RateLimitName } {
  const rule = app.rateLimits[name];
  return {
    rateLimitName: name,
    rateLimit: {
      max: rule.max,
      timeWindow: rule.windowMs,
      hook: 'onRequest',
      keyGenerator: countedBy[name] === 'account' ? byAccount : byAddress,
    },
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which named limit applies, to tell the caller what they exceeded. */
    rateLimitName?: RateLimitName;
  }
}
