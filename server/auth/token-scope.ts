import { Forbidden, NotFound } from '../domain/errors.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requiredAccess } from './access.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Only for a person signed in with their password, never for an API token: the
     * account's credentials (tokens, password), so that a leaked token can neither breed
     * nor outlive its revocation, nor list the account's other tokens.
     */
    sessionOnly?: boolean;
  }
}

const WORKSPACE_SCOPE = '/api/workspaces/:ws';

/**
 * What an API token may reach, on top of what its owner may: only GET-like routes for a
 * read token, only its workspace for a workspace token (others answer 404, as to someone
 * outside them), never the account's credentials. Runs right after the caller is known,
 * before the workspace's own access check.
 */
export function checkTokenScope(request: FastifyRequest) {
  const token = request.token;
  const route = request.routeOptions.url;
  if (!token || !route) return;
  if (request.routeOptions.config.sessionOnly) {
    throw new Forbidden('An API token cannot do this: sign in with your password and do it on your account page.');
  }
  if (token.workspaceId !== null) {
    if (route.startsWith(WORKSPACE_SCOPE) && (request.params as { ws?: string }).ws !== token.workspaceId)
      throw new NotFound('Workspace was not found.');
    if (route === '/api/workspaces' && request.method === 'POST') {
      throw new Forbidden('This API token is limited to one workspace, so it cannot create workspaces.');
    }
  }
  if (token.access === 'read' && requiredAccess(request) !== 'read') {
    throw new Forbidden('This API token can only read: make one with write access to change things.');
  }
}

export function installTokenScope(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => checkTokenScope(request));
  // A workspace token lists only its workspace, as if the others did not exist.
  app.addHook('preSerialization', async (request, _reply, payload: unknown) => {
    const only = request.token?.workspaceId;
    if (!only || request.method !== 'GET' || request.routeOptions.url !== '/api/workspaces') return payload;
    const items = (payload as { items?: { id: string }[] }).items;
    return Array.isArray(items) ? { ...(payload as object), items: items.filter((w) => w.id === only) } : payload;
  });
}
