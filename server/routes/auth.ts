import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiToken, apiTokenCreated, login, passwordChange, signup, tokenCreate, user } from '../domain/auth.js';
import { id } from '../domain/common.js';
import { hashPassword, verifyPasswordOrDummy } from '../auth/password.js';
import { requireUser, SESSION_COOKIE } from '../auth/principal.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { badRequest, conflict, notFound, Problem, unauthorized } from '../http/problem.js';
import { rateLimited } from '../http/rate-limits.js';
import { usersRepo } from '../repos/users.js';
import { claimInvite } from '../services/members.js';
import { errors } from './helpers.js';

const SESSION_DAYS = 30;

/** The same answer for an unknown email and a wrong password, so neither tells the other. */
const noMatch = () => unauthorized('That email and password do not match an account.');
const waitProblem = (seconds: number) =>
  new Problem(429, 'Too many requests', `Too many failed sign-ins for this email: wait ${seconds} s before trying again.`, {
    retryAfter: seconds,
  });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const throttle = app.signInThrottle;

  /** Refuses at once, before any password is checked, while the email must wait. */
  function mustWait(reply: FastifyReply, email: string) {
    const seconds = throttle.waitSeconds(email);
    if (seconds === 0) return;
    reply.header('retry-after', String(seconds));
    throw waitProblem(seconds);
  }

  /** A fresh session id at every sign-in; the one from the old cookie, if any, is ended. */
  async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string) {
    if (request.sessionHash) {
      const old = request.sessionHash;
      await app.db.write((tx) => usersRepo.deleteSession(tx, old));
      app.principalCache.delete(`s:${old}`);
    }
    const sessionId = newSecret();
    await app.db.write((tx) => usersRepo.createSession(tx, { id: hashSecret(sessionId), userId, ttlDays: SESSION_DAYS }));
    setSessionCookie(request, reply, sessionId);
  }

  function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string) {
    reply.setCookie(SESSION_COOKIE, sessionId, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      signed: true,
      maxAge: SESSION_DAYS * 86_400,
    });
  }

  app.post(
    '/signup',
    {
      config: { public: true, ...rateLimited(app, 'signUp') },
      schema: {
        tags: ['auth'],
        summary: 'Create an account and sign in; with an invite link’s token, join its workspace too',
        body: signup,
        response: { 201: z.object({ user }), ...errors(400, 403, 404, 409, 410, 429) },
      },
    },
    async (request, reply) => {
      const { email, password, name } = request.body;
      const passwordHash = await hashPassword(password);
      const created = await app.db.write(async (tx) => {
        if (await usersRepo.byEmail(tx, email)) throw conflict('An account with that email already exists; sign in instead.');
        const u = await usersRepo.create(tx, { id: randomUUID(), email, name, passwordHash });
        // Only with its link's token, and only for the invited email: see services/members.ts.
        if (request.body.invite) await claimInvite(tx, request.body.invite, u);
        return u;
      });
      await startSession(request, reply, created.id);
      return reply.code(201).send({ user: created });
    },
  );

  app.post(
    '/login',
    {
      config: { public: true, ...rateLimited(app, 'signIn') },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description:
          'After 5 failed sign-ins for one email, each further failure makes that email wait twice as long as the last (429 with Retry-After), up to 15 minutes; a quiet quarter hour or a successful sign-in forgets them. An unknown email is answered exactly as a wrong password.',
        body: login,
        response: { 200: z.object({ user }), ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      mustWait(reply, email);
      const found = await app.db.read((tx) => usersRepo.byEmail(tx, email));
      if (!(await verifyPasswordOrDummy(password, found?.passwordHash)) || !found) {
        throttle.failed(email);
        throw noMatch();
      }
      throttle.succeeded(email);
      await startSession(request, reply, found.id);
      const { passwordHash: _p, ...plain } = found;
      return { user: plain };
    },
  );

  app.post(
    '/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.sessionHash) {
        const hash = request.sessionHash;
        await app.db.write((tx) => usersRepo.deleteSession(tx, hash));
        app.principalCache.delete(`s:${hash}`);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: z.object({ user }), ...errors(401) } } },
    async (request) => ({ user: requireUser(request) }),
  );

  app.post(
    '/tokens',
    {
      config: { sessionOnly: true, ...rateLimited(app, 'account') },
      schema: {
        tags: ['auth'],
        summary: 'Create an API token (shown once) for scripts and imports',
        description:
          'Signed in with a password only: a token cannot make tokens. A token may be limited to reading, to one workspace, and to a date.',
        body: tokenCreate,
        response: { 201: apiTokenCreated, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const me = requireUser(request);
      const { name, access, workspaceId, expiresAt } = request.body;
      const token = newSecret('pm_');
      const created = await app.db.write(async (tx) => {
        if (workspaceId !== null && !(await usersRepo.isMember(tx, me.id, workspaceId))) {
          throw badRequest('The token’s workspace must be one you belong to.', [
            { path: 'body.workspaceId', message: 'is not a workspace of yours' },
          ]);
        }
        return usersRepo.createToken(tx, {
          id: randomUUID(),
          userId: me.id,
          name,
          hash: hashSecret(token),
          access,
          workspaceId,
          expiresAt,
        });
      });
      return reply.code(201).send({ ...created, token });
    },
  );

  app.get(
    '/tokens',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['auth'],
        summary: 'Your API tokens (never the secrets)',
        response: { 200: z.object({ items: z.array(apiToken) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const me = requireUser(request);
      return { items: await app.db.read((tx) => usersRepo.listTokens(tx, me.id)) };
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: z.object({ id }),
        response: { 204: z.null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const me = requireUser(request);
      const hash = await app.db.write((tx) => usersRepo.deleteToken(tx, me.id, request.params.id));
      if (!hash) throw notFound('Token');
      app.principalCache.delete(`t:${hash}`);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/password',
    {
      config: { sessionOnly: true, ...rateLimited(app, 'account') },
      schema: {
        tags: ['auth'],
        summary: 'Change your password; ends your other sessions and revokes all your API tokens',
        description:
          'This session gets a fresh cookie; every other session ends and every API token stops working, since a token made by a session dies with the password it was made under.',
        body: passwordChange,
        response: { 204: z.null(), ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const me = requireUser(request);
      const { currentPassword, newPassword } = request.body;
      // Wrong current passwords count as failed sign-ins: a session left open is no way to guess it.
      mustWait(reply, me.email);
      const stored = await app.db.read((tx) => usersRepo.passwordHashOf(tx, me.id));
      if (!(await verifyPasswordOrDummy(currentPassword, stored))) {
        throttle.failed(me.email);
        throw badRequest('That is not your current password.', [{ path: 'body.currentPassword', message: 'is not your current password' }]);
      }
      throttle.succeeded(me.email);
      const passwordHash = await hashPassword(newPassword);
      const sessionId = newSecret();
      // One transaction: the new password, every old session and token gone, and this
      // person's fresh session, or none of it.
      const ended = await app.db.write(async (tx) => {
        await usersRepo.setPassword(tx, me.id, passwordHash);
        const sessions = await usersRepo.deleteSessionsOf(tx, me.id);
        const tokens = await usersRepo.deleteTokensOf(tx, me.id);
        await usersRepo.createSession(tx, { id: hashSecret(sessionId), userId: me.id, ttlDays: SESSION_DAYS });
        return { sessions, tokens };
      });
      for (const hash of ended.sessions) app.principalCache.delete(`s:${hash}`);
      for (const hash of ended.tokens) app.principalCache.delete(`t:${hash}`);
      setSessionCookie(request, reply, sessionId);
      return reply.code(204).send(null);
    },
  );
};
