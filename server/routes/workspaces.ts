import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forgetMemberships } from '../auth/access.js';
import { requireUser } from '../auth/principal.js';
import { newSecret } from '../auth/secrets.js';
import { wsParams } from '../domain/common.js';
import { member, memberInvite, memberParams, memberRoleChange, workspace, workspaceCreate, workspacePatch } from '../domain/workspace.js';
import { conflict, forbidden, notFound } from '../http/problem.js';
import { workspacesRepo } from '../repos/workspaces.js';
import { basedOn, errors, writeErrors } from './helpers.js';
import type { Tx } from '../db/gateway.js';

/** POST and GET /workspaces: the caller's own list, outside any one workspace. */
export const workspaceListRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/workspaces',
    { schema: { tags: ['workspaces'], summary: 'Create a workspace; you become its owner', body: workspaceCreate, response: { 201: workspace, ...errors(400, 401) } } },
    async (request, reply) => {
      const me = requireUser(request);
      const created = await app.db.write((tx) => workspacesRepo.create(tx, { id: randomUUID(), ...request.body }, me.id));
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/workspaces',
    { schema: { tags: ['workspaces'], summary: 'The workspaces you belong to', response: { 200: z.object({ items: z.array(workspace) }), ...errors(401) } } },
    async (request) => {
      const me = requireUser(request);
      return { items: await app.db.read((tx) => workspacesRepo.mine(tx, me.id)) };
    },
  );
};

/** The rule that keeps every workspace administrable. */
async function keepAnOwner(tx: Tx, ws: string, email: string, nextRole: string | null) {
  const current = await workspacesRepo.roleOf(tx, ws, email);
  if (current?.role === 'owner' && nextRole !== 'owner' && (await workspacesRepo.ownerCount(tx, ws)) <= 1) {
    throw conflict('This is the workspace’s last owner: make someone else an owner first.');
  }
  return current;
}

/** Inside /workspaces/:ws (access already checked by the scope). */
export const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  const origin = (proto: string, host: string | undefined) => `${proto}://${host ?? 'localhost'}`;

  app.get(
    '/',
    { schema: { tags: ['workspaces'], summary: 'One workspace', params: wsParams, response: { 200: workspace, ...errors(401, 404) } } },
    async (request) => (await app.db.read((tx) => workspacesRepo.get(tx, request.params.ws, request.user!.id)))!,
  );

  app.patch(
    '/',
    {
      config: { access: 'owner' },
      schema: { tags: ['workspaces'], summary: 'Rename or describe a workspace (owners)', params: wsParams, body: workspacePatch, response: { 200: workspace, ...writeErrors } },
    },
    async (request) => {
      const based = basedOn(request, request.body.version);
      return app.db.write(async (tx) => {
        const current = (await workspacesRepo.get(tx, request.params.ws, request.user!.id))!;
        if (based !== undefined && based !== current.version) {
          throw conflict(`The workspace was changed by someone else (you edited version ${based}, it is now ${current.version}).`, { current });
        }
        return workspacesRepo.update(tx, request.params.ws, request.user!.id, request.body);
      });
    },
  );

  app.delete(
    '/',
    { config: { access: 'owner' }, schema: { tags: ['workspaces'], summary: 'Delete a workspace (owners)', params: wsParams, response: { 204: z.null(), ...writeErrors } } },
    async (request, reply) => {
      await app.db.write((tx) => workspacesRepo.softDelete(tx, request.params.ws));
      forgetMemberships(app, request.params.ws);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/members',
    { schema: { tags: ['members'], summary: 'Members and pending invites', params: wsParams, response: { 200: z.object({ items: z.array(member) }), ...errors(401, 404) } } },
    async (request) => ({
      items: await app.db.read((tx) => workspacesRepo.members(tx, request.params.ws, origin(request.protocol, request.headers.host))),
    }),
  );

  app.post(
    '/members',
    {
      config: { access: 'owner' },
      schema: {
        tags: ['members'],
        summary: 'Add a member by email; an email without an account becomes a pending invite with a link to pass on',
        params: wsParams,
        body: memberInvite,
        response: { 201: member, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { ws } = request.params;
      const email = request.body.email.toLowerCase();
      await app.db.write(async (tx) => {
        if (await workspacesRepo.roleOf(tx, ws, email)) throw conflict(`${email} is already a member.`);
        const added = await tx.one(
          `MATCH (u:User {email: $email}) MATCH (w:Workspace {id: $ws})
           CREATE (u)-[:MEMBER_OF {role: $role, since: datetime()}]->(w) RETURN u.id AS id`,
          { ws, email, role: request.body.role },
        );
        if (!added) {
          await tx.query(
            `MERGE (i:Invite {workspaceId: $ws, email: $email})
             ON CREATE SET i.id = $id, i.token = $token, i.createdAt = datetime()
             SET i.role = $role`,
            { ws, email, role: request.body.role, id: randomUUID(), token: newSecret() },
          );
        }
      });
      forgetMemberships(app, ws);
      const members = await app.db.read((tx) => workspacesRepo.members(tx, ws, origin(request.protocol, request.headers.host)));
      return reply.code(201).send(members.find((m) => m.email === email)!);
    },
  );

  app.patch(
    '/members/:email',
    { config: { access: 'owner' }, schema: { tags: ['members'], summary: 'Change a member’s role (owners)', params: memberParams, body: memberRoleChange, response: { 200: member, ...writeErrors } } },
    async (request) => {
      const { ws } = request.params;
      const email = request.params.email.toLowerCase();
      await app.db.write(async (tx) => {
        const current = await keepAnOwner(tx, ws, email, request.body.role);
        if (current) {
          await tx.query('MATCH (:User {email: $email})-[m:MEMBER_OF]->(:Workspace {id: $ws}) SET m.role = $role', { ws, email, role: request.body.role });
          return;
        }
        const invite = await tx.one('MATCH (i:Invite {workspaceId: $ws, email: $email}) SET i.role = $role RETURN i.id AS id', { ws, email, role: request.body.role });
        if (!invite) throw notFound('Member');
      });
      forgetMemberships(app, ws);
      const members = await app.db.read((tx) => workspacesRepo.members(tx, ws, origin(request.protocol, request.headers.host)));
      return members.find((m) => m.email === email)!;
    },
  );

  app.delete(
    '/members/:email',
    {
      // Anyone may leave; removing someone else is for owners (checked below).
      config: { access: 'read' },
      schema: { tags: ['members'], summary: 'Remove a member or cancel an invite; members may remove themselves', params: memberParams, response: { 204: z.null(), ...writeErrors } },
    },
    async (request, reply) => {
      const { ws } = request.params;
      const email = request.params.email.toLowerCase();
      const self = email === request.user!.email;
      if (!self && request.workspace.role !== 'owner') throw forbidden('Only an owner can remove another member.');
      await app.db.write(async (tx) => {
        const current = await keepAnOwner(tx, ws, email, null);
        if (current) {
          await tx.query('MATCH (:User {email: $email})-[m:MEMBER_OF]->(:Workspace {id: $ws}) DELETE m', { ws, email });
          return;
        }
        const invite = await tx.one('MATCH (i:Invite {workspaceId: $ws, email: $email}) DELETE i RETURN 1 AS one', { ws, email });
        if (!invite) throw notFound('Member');
      });
      forgetMemberships(app, ws);
      return reply.code(204).send(null);
    },
  );
};

