import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forgetMemberships } from '../auth/access.js';
import { requireUser } from '../auth/principal.js';
import { id, wsParams } from '../domain/common.js';
import { notFound } from '../domain/errors.js';
import {
  inviteResend,
  member,
  memberInvite,
  memberParams,
  memberRoleChange,
  deletedWorkspace,
  RESTORE_DAYS,
  workspace,
  workspaceCreate,
  workspacePatch,
} from '../domain/workspace.js';
import { workspacesRepo } from '../repos/workspaces.js';
import { addMember, changeRole, listMembers, removeMember, resendInvite, type Caller } from '../services/members.js';
import { updateWorkspace } from '../services/workspaces.js';
import { basedOn, errors, writeErrors } from './helpers.js';

/** POST and GET /workspaces: the caller's own list, outside any one workspace. */
export const workspaceListRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/workspaces',
    {
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace; you become its owner',
        body: workspaceCreate,
        response: { 201: workspace, ...errors(400, 401) },
      },
    },
    async (request, reply) => {
      const me = requireUser(request);
      const created = await app.db.write((tx) => workspacesRepo.create(tx, { id: randomUUID(), ...request.body }, me.id));
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/workspaces/deleted',
    {
      schema: {
        tags: ['workspaces'],
        summary: `Workspaces you owned that were deleted in the last ${RESTORE_DAYS} days, which you can still restore`,
        response: { 200: z.object({ items: z.array(deletedWorkspace) }), ...errors(401) },
      },
    },
    async (request) => {
      const me = requireUser(request);
      return { items: await app.db.read((tx) => workspacesRepo.deletedOwnedBy(tx, me.id)) };
    },
  );

  app.post(
    '/workspaces/deleted/:id/restore',
    {
      schema: {
        tags: ['workspaces'],
        summary: `Restore a workspace you owned, within ${RESTORE_DAYS} days of its delete: its members, maps and history come back as they were`,
        params: z.object({ id }),
        response: { 200: workspace, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const me = requireUser(request);
      const restored = await app.db.write((tx) => workspacesRepo.restore(tx, request.params.id, me.id));
      if (!restored) throw notFound('Deleted workspace');
      return restored;
    },
  );

  app.get(
    '/workspaces',
    {
      schema: {
        tags: ['workspaces'],
        summary: 'The workspaces you belong to',
        response: { 200: z.object({ items: z.array(workspace) }), ...errors(401) },
      },
    },
    async (request) => {
      const me = requireUser(request);
      return { items: await app.db.read((tx) => workspacesRepo.mine(tx, me.id)) };
    },
  );
};

/** Inside /workspaces/:ws (access already checked by the scope). */
export const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  // Invite links point back at the address the owner is using.
  const origin = (request: FastifyRequest) => `${request.protocol}://${request.headers.host ?? 'localhost'}`;

  app.get(
    '/',
    { schema: { tags: ['workspaces'], summary: 'One workspace', params: wsParams, response: { 200: workspace, ...errors(401, 404) } } },
    async (request) => (await app.db.read((tx) => workspacesRepo.get(tx, request.params.ws, request.user!.id)))!,
  );

  app.patch(
    '/',
    {
      config: { access: 'owner' },
      schema: {
        tags: ['workspaces'],
        summary: 'Rename or describe a workspace (owners)',
        params: wsParams,
        body: workspacePatch,
        response: { 200: workspace, ...writeErrors },
      },
    },
    async (request) => {
      return updateWorkspace(app.db, request.params.ws, request.user!.id, basedOn(request, request.body.version), request.body);
    },
  );

  app.delete(
    '/',
    {
      config: { access: 'owner' },
      schema: {
        tags: ['workspaces'],
        summary: `Delete a workspace (owners); an owner can restore it for ${RESTORE_DAYS} days`,
        params: wsParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await app.db.write((tx) => workspacesRepo.softDelete(tx, request.params.ws));
      forgetMemberships(app, request.params.ws);
      return reply.code(204).send(null);
    },
  );

  const caller = (request: FastifyRequest): Caller => ({ id: request.user!.id, email: request.user!.email, role: request.workspace.role });

  app.get(
    '/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Members and pending invites (invite links for owners; emails for editors and owners)',
        params: wsParams,
        response: { 200: z.object({ items: z.array(member) }), ...errors(401, 404) },
      },
    },
    async (request) => ({ items: await listMembers(app.db, request.params.ws, caller(request), origin(request)) }),
  );

  app.post(
    '/members',
    {
      config: { access: 'owner' },
      schema: {
        tags: ['members'],
        summary: 'Add a member by email; an email without an account becomes a pending invite with a link to pass on',
        description:
          'The link works once, for an account with the invited email, until it expires (7 days unless expiresInDays says otherwise).',
        params: wsParams,
        body: memberInvite,
        response: { 201: member, ...writeErrors },
      },
    },
    async (request, reply) => {
      const added = await addMember(app.db, request.params.ws, caller(request), request.body, origin(request));
      forgetMemberships(app, request.params.ws);
      return reply.code(201).send(added);
    },
  );

  app.patch(
    '/members/:email',
    {
      config: { access: 'owner' },
      schema: {
        tags: ['members'],
        summary: 'Change a member’s or a pending invite’s role (owners)',
        params: memberParams,
        body: memberRoleChange,
        response: { 200: member, ...writeErrors },
      },
    },
    async (request) => {
      const changed = await changeRole(
        app.db,
        request.params.ws,
        caller(request),
        request.params.email,
        request.body.role,
        origin(request),
      );
      forgetMemberships(app, request.params.ws);
      return changed;
    },
  );

  app.post(
    '/members/:email/resend',
    {
      config: { access: 'owner' },
      schema: {
        tags: ['members'],
        summary: 'Give a pending invite a new link and a new expiry (owners); the old link stops working',
        params: memberParams,
        body: inviteResend,
        response: { 200: member, ...writeErrors },
      },
    },
    async (request) =>
      resendInvite(app.db, request.params.ws, caller(request), request.params.email, request.body.expiresInDays, origin(request)),
  );

  app.delete(
    '/members/:email',
    {
      // Anyone may leave; removing someone else is for owners (checked by the service).
      config: { access: 'read' },
      schema: {
        tags: ['members'],
        summary: 'Remove a member or withdraw a pending invite (owners); members may remove themselves',
        params: memberParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await removeMember(app.db, request.params.ws, caller(request), request.params.email);
      forgetMemberships(app, request.params.ws);
      return reply.code(204).send(null);
    },
  );
};
