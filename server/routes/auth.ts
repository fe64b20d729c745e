import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiToken, apiTokenCreated, login, signup, tokenCreate, user } from '../domain/auth.js';
import { id } from '../domain/common.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { requireUser, SESSION_COOKIE } from '../auth/principal.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { conflict, notFound, unauthorized } from '../http/problem.js';
import { usersRepo } from '../repos/users.js';
import { claimInvite } from '../services/members.js';
import { errors } from './helpers.js';

const SESSION_DAYS = 30;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A fresh session id at every sign-in; the one from the old cookie, if any, is ended. */
  async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string) {
    if (request.sessionHash) {
      const old = request.sessionHash;
      await app.db.write((tx) => usersRepo.deleteSession(tx, old));
      app.principalCache.delete(`s:${old}`);
    }
    const sessionId = newSecret();
    await app.db.write((tx) => usersRepo.createSession(tx, { id: hashSecret(sessionId), userId, ttlDays: SESSION_DAYS }));
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
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Create an account and sign in; with an invite link’s token, join its workspace too',
        body: signup,
        response: { 201: z.object({ user }), ...errors(400, 403, 404, 409, 410) },
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
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign in with email and password', body: login, response: { 200: z.object({ user }), ...errors(400, 401) } } },
    async (request, reply) => {
      const found = await app.db.read((tx) => usersRepo.byEmail(tx, request.body.email));
      if (!found || !(await verifyPassword(request.body.password, found.passwordHash))) {
        throw unauthorized('That email and password do not match an account.');
      }
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
    { schema: { tags: ['auth'], summary: 'Create an API token (shown once) for scripts and imports', body: tokenCreate, response: { 201: apiTokenCreated, ...errors(400, 401) } } },
    async (request, reply) => {
      const me = requireUser(request);
      const token = newSecret('pm_');
      const created = await app.db.write((tx) => usersRepo.createToken(tx, { id: randomUUID(), userId: me.id, name: request.body.name, hash: hashSecret(token) }));
      return reply.code(201).send({ ...created, token });
    },
  );

  app.get(
    '/tokens',
    { schema: { tags: ['auth'], summary: 'Your API tokens (never the secrets)', response: { 200: z.object({ items: z.array(apiToken) }), ...errors(401) } } },
    async (request) => {
      const me = requireUser(request);
      return { items: await app.db.read((tx) => usersRepo.listTokens(tx, me.id)) };
    },
  );

  app.delete(
    '/tokens/:id',
    { schema: { tags: ['auth'], summary: 'Revoke an API token', params: z.object({ id }), response: { 204: z.null(), ...errors(400, 401, 404) } } },
    async (request, reply) => {
      const me = requireUser(request);
      const hash = await app.db.write((tx) => usersRepo.deleteToken(tx, me.id, request.params.id));
      if (!hash) throw notFound('Token');
      app.principalCache.delete(`t:${hash}`);
      return reply.code(204).send(null);
    },
  );
};
