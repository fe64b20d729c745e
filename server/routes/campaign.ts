import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { action, actionCreate, actionListQuery, actionPatch, type Action } from '../domain/action.js';
import { idParams, versionQuery, wsParams } from '../domain/common.js';
import { keyDate, keyDateCreate, keyDateListQuery, keyDatePatch, type KeyDate } from '../domain/key-date.js';
import { openTasksByMember, task, taskCreate, taskListQuery, taskPatch, tieTaskCreate, type Task } from '../domain/task.js';
import { notFound } from '../http/problem.js';
import { calendarOf } from '../io/ics.js';
import { actionStore, keyDateStore, membersAmong, taskStore, workspaceName } from '../repos/campaign.js';
import { listRecords } from '../repos/records.js';
import {
  createAction,
  createKeyDate,
  createTask,
  deleteAction,
  deleteKeyDate,
  deleteTask,
  taskFromTie,
  updateAction,
  updateKeyDate,
  updateTask,
} from '../services/campaign.js';
import { mutate } from '../services/unit-of-work.js';
import { author, basedOn, readErrors, writeErrors } from './helpers.js';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A campaign over time: its actions (tactics), key dates and research tasks. */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const one = async <S>(load: () => Promise<S | null>, what: string) => {
    const found = await load();
    if (!found) throw notFound(what);
    return found;
  };

  // --- Actions ---
  app.get(
    '/actions',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Actions, in date order (of one demand, or aimed at one actor)',
        params: wsParams,
        querystring: actionListQuery,
        response: { 200: items(action), ...readErrors },
      },
    },
    async (request) => ({
      items: await app.db.read((tx) =>
        listRecords(
          tx,
          actionStore,
          request.params.ws,
          { equal: { demandId: request.query.demand }, contains: { targetIds: request.query.target! } },
          'date, createdAt',
        ),
      ),
    }),
  );
  app.post(
    '/demands/:id/actions',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Record an action of a demand; a responseMove records where the target stands after it, in the same request',
        params: idParams,
        body: actionCreate,
        response: { 201: action, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'create',
        (a: Action) => `Added action “${a.title}”`,
        (ctx) => createAction(ctx, request.params.id, request.body),
      );
      return reply.code(201).send(result);
    },
  );
  app.get(
    '/actions/:id',
    { schema: { tags: ['campaign'], summary: 'One action', params: idParams, response: { 200: action, ...readErrors } } },
    async (request) => one(() => app.db.read((tx) => actionStore.load(tx, request.params.ws, request.params.id)), 'Action'),
  );
  app.patch(
    '/actions/:id',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Change an action (send the version you edited), or record the target’s response',
        params: idParams,
        body: actionPatch,
        response: { 200: action, ...writeErrors },
      },
    },
    async (request) =>
      (
        await mutate(
          app.db,
          request.params.ws,
          author(request),
          'update',
          (a: Action) => `Edited action “${a.title}”`,
          (ctx) => updateAction(ctx, request.params.id, { ...request.body, version: basedOn(request, request.body.version) }),
        )
      ).result,
  );
  app.delete(
    '/actions/:id',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Delete an action (revertible from history)',
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await mutate(
        app.db,
        request.params.ws,
        author(request),
        'delete',
        (a: Action) => `Deleted action “${a.title}”`,
        (ctx) => deleteAction(ctx, request.params.id, basedOn(request, request.query.version)),
      );
      return reply.code(204).send(null);
    },
  );

  // --- Key dates ---
  const listKeyDates = (ws: string, query: z.infer<typeof keyDateListQuery>) =>
    app.db.read((tx) =>
      listRecords(
        tx,
        keyDateStore,
        ws,
        { contains: { actorIds: query.actor!, demandIds: query.demand! }, from: { date: query.from! } },
        'date, title',
      ),
    );
  app.get(
    '/key-dates',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Key dates (compression points), soonest first',
        params: wsParams,
        querystring: keyDateListQuery,
        response: { 200: items(keyDate), ...readErrors },
      },
    },
    async (request) => ({ items: await listKeyDates(request.params.ws, request.query) }),
  );
  app.get(
    '/key-dates.ics',
    {
      schema: {
        tags: ['campaign'],
        summary: 'The key dates as an iCalendar file (RFC 5545) for any calendar app',
        params: wsParams,
        querystring: keyDateListQuery,
        response: { 200: z.string(), ...readErrors },
      },
    },
    async (request, reply) => {
      const { ws } = request.params;
      const dates = await listKeyDates(ws, request.query);
      const name = (await app.db.read((tx) => workspaceName(tx, ws))) ?? 'powermap';
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="key-dates.ics"')
        .serializer((payload: unknown) => payload as string)
        .send(calendarOf(`${name}: key dates`, ws, dates));
    },
  );
  app.post(
    '/key-dates',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Add a key date, attached to actors and/or demands',
        params: wsParams,
        body: keyDateCreate,
        response: { 201: keyDate, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'create',
        (k: KeyDate) => `Added key date “${k.title}”`,
        (ctx) => createKeyDate(ctx, request.body),
      );
      return reply.code(201).send(result);
    },
  );
  app.patch(
    '/key-dates/:id',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Change a key date (send the version you edited)',
        params: idParams,
        body: keyDatePatch,
        response: { 200: keyDate, ...writeErrors },
      },
    },
    async (request) =>
      (
        await mutate(
          app.db,
          request.params.ws,
          author(request),
          'update',
          (k: KeyDate) => `Edited key date “${k.title}”`,
          (ctx) => updateKeyDate(ctx, request.params.id, { ...request.body, version: basedOn(request, request.body.version) }),
        )
      ).result,
  );
  app.delete(
    '/key-dates/:id',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Delete a key date (revertible from history)',
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await mutate(
        app.db,
        request.params.ws,
        author(request),
        'delete',
        (k: KeyDate) => `Deleted key date “${k.title}”`,
        (ctx) => deleteKeyDate(ctx, request.params.id, basedOn(request, request.query.version)),
      );
      return reply.code(204).send(null);
    },
  );

  // --- Research tasks ---
  app.get(
    '/tasks',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Research tasks, by due date',
        params: wsParams,
        querystring: taskListQuery,
        response: { 200: items(task), ...readErrors },
      },
    },
    async (request) => {
      const { assignee, status, open, actor } = request.query;
      return {
        items: await app.db.read((tx) =>
          listRecords(
            tx,
            taskStore,
            request.params.ws,
            { equal: { assigneeId: assignee, status }, within: open ? { status: ['open', 'doing'] } : {}, contains: { actorIds: actor! } },
            'due, createdAt',
          ),
        ),
      };
    },
  );
  app.get(
    '/tasks/open-by-member',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Open tasks (open or doing) grouped by the member they are assigned to',
        params: wsParams,
        response: { 200: openTasksByMember, ...readErrors },
      },
    },
    async (request) => {
      const { ws } = request.params;
      return app.db.read(async (tx) => {
        const open = await listRecords(tx, taskStore, ws, { within: { status: ['open', 'doing'] } }, 'due, createdAt');
        const names = await membersAmong(tx, ws, [...new Set(open.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])))]);
        const groups = new Map<string | null, Task[]>();
        for (const t of open) {
          const key = t.assigneeId && names.has(t.assigneeId) ? t.assigneeId : null;
          groups.set(key, [...(groups.get(key) ?? []), t]);
        }
        return {
          items: [...groups]
            .map(([assigneeId, tasks]) => ({ assigneeId, name: assigneeId ? names.get(assigneeId)! : null, tasks }))
            .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')),
        };
      });
    },
  );
  app.post(
    '/tasks',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Add a research task',
        params: wsParams,
        body: taskCreate,
        response: { 201: task, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'create',
        (t: Task) => `Added task “${t.title}”`,
        (ctx) => createTask(ctx, request.body),
      );
      return reply.code(201).send(result);
    },
  );
  app.post(
    '/relationships/:id/task',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Turn an uncited relationship into a research task to find its source',
        params: idParams,
        body: tieTaskCreate,
        response: { 201: task, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'create',
        (t: Task) => `Added task “${t.title}”`,
        (ctx) => taskFromTie(ctx, request.params.id, request.body),
      );
      return reply.code(201).send(result);
    },
  );
  app.patch(
    '/tasks/:id',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Change a task (send the version you edited)',
        params: idParams,
        body: taskPatch,
        response: { 200: task, ...writeErrors },
      },
    },
    async (request) =>
      (
        await mutate(
          app.db,
          request.params.ws,
          author(request),
          'update',
          (t: Task) => `Edited task “${t.title}”`,
          (ctx) => updateTask(ctx, request.params.id, { ...request.body, version: basedOn(request, request.body.version) }),
        )
      ).result,
  );
  app.delete(
    '/tasks/:id',
    {
      schema: {
        tags: ['campaign'],
        summary: 'Delete a task (revertible from history)',
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await mutate(
        app.db,
        request.params.ws,
        author(request),
        'delete',
        (t: Task) => `Deleted task “${t.title}”`,
        (ctx) => deleteTask(ctx, request.params.id, basedOn(request, request.query.version)),
      );
      return reply.code(204).send(null);
    },
  );
};
