import { z } from 'zod';
import { id, isoDate, isoDateTime, longText, version } from './common.js';

export const taskStatuses = ['open', 'doing', 'done', 'dropped'] as const;
export const openTaskStatuses = ['open', 'doing'] as const;

export const taskFields = {
  title: z.string().trim().min(1, 'must not be empty').max(300),
  description: longText,
  status: z.enum(taskStatuses, { message: `must be one of ${taskStatuses.join(', ')}` }),
  assigneeId: id.nullable().describe('A member of the workspace'),
  due: isoDate.nullable(),
  actorIds: z.array(id).max(100),
  relationshipIds: z.array(id).max(100),
};
export const taskDefaults = {
  description: '',
  status: 'open' as const,
  assigneeId: null,
  due: null,
  actorIds: [] as string[],
  relationshipIds: [] as string[],
};

export const taskData = z.strictObject(taskFields);
export type TaskData = z.infer<typeof taskData>;
export const taskCreate = z
  .strictObject(taskFields)
  .partial()
  .required({ title: true })
  .extend({ id: id.optional() })
  .meta({ id: 'TaskCreate' });
export type TaskCreate = z.infer<typeof taskCreate>;
export const taskPatch = z.strictObject(taskFields).partial().extend({ version: version.optional() }).meta({ id: 'TaskPatch' });
export type TaskPatch = z.infer<typeof taskPatch>;

export const task = z.object({ id, ...taskFields, version, createdAt: isoDateTime, updatedAt: isoDateTime }).meta({ id: 'Task' });
export type Task = z.infer<typeof task>;

export const taskListQuery = z.object({
  assignee: id.optional(),
  status: z.enum(taskStatuses).optional(),
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only open tasks (open or doing)'),
  actor: id.optional(),
});

export const openTasksByMember = z.object({
  items: z
    .array(z.object({ assigneeId: id.nullable(), name: z.string().nullable(), tasks: z.array(task) }))
    .describe('Unassigned tasks have assigneeId null'),
});

export const tieTaskCreate = z.strictObject({
  assigneeId: id.nullable().optional(),
  due: isoDate.nullable().optional(),
  title: z.string().trim().min(1).max(300).optional().describe('Defaults to “Find a source for …”'),
});
