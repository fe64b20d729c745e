import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { action, actionCreate, actionListQuery, actionPatch, type Action } from '../domain/action.js';
import { idParams, wsParams } from '../domain/common.js';
import { keyDate, keyDateCreate, keyDateListQuery, keyDatePatch, type KeyDate } from '../domain/key-date.js';
import { openTasksByMember, task, taskCreate, taskListQuery, taskPatch, tieTaskCreate, type Task } from '../domain/task.js';
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
import { readErrors, writeErrors } from './helpers.js';
import { created, recordRoutes } from './record-routes.js';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** How history names each record: "Added action “Rally at City Hall”", "Edited task “…”". */
const actionName = (a: Action) => `action “${a.title}”`;
const keyDateName = (k: KeyDate) => `key date “${k.title}”`;
const taskName = (t: Task) => `task “${t.title}”`;

/** A campaign over time: its actions (tactics), key dates and research tasks. */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request, reply) => created(request, reply, actionName, (ctx) => createAction(ctx, request.params.id, request.body)),
  );
  recordRoutes(app, {
    path: '/actions',
    tag: 'campaign',
    noun: 'action',
    schema: action,
    patch: actionPatch,
    name: actionName,
    load: actionStore.load,
    update: updateAction,
    remove: deleteAction,
    updateSummary: 'Change an action (send the version you edited), or record the target’s response',
  });

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
    async (request, reply) => created(request, reply, keyDateName, (ctx) => createKeyDate(ctx, request.body)),
  );
  recordRoutes(app, {
    path: '/key-dates',
    tag: 'campaign',
    noun: 'key date',
    schema: keyDate,
    patch: keyDatePatch,
    name: keyDateName,
    load: keyDateStore.load,
    update: updateKeyDate,
    remove: deleteKeyDate,
  });

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
    async (request, reply) => created(request, reply, taskName, (ctx) => createTask(ctx, request.body)),
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
    async (request, reply) => created(request, reply, taskName, (ctx) => taskFromTie(ctx, request.params.id, request.body)),
  );
  recordRoutes(app, {
    path: '/tasks',
    tag: 'campaign',
    noun: 'task',
    schema: task,
    patch: taskPatch,
    name: taskName,
    load: taskStore.load,
    update: updateTask,
    remove: deleteTask,
  });
};
