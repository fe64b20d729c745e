import { NotFound, notFound } from '../domain/errors.js';

/** 404 naming the ids that are not live actors of this workspace (another workspace's count as unknown). */
export function assertFound(missing: string[], field: string): void {
  if (missing.length === 0) return;
  const list = missing.map((id) => `"${id}"`).join(', ');
  throw new NotFound(`${field}: no actor ${list} in this workspace (deleted, or never here).`, {
    errors: [{ path: field, message: `unknown actor ${list}` }],
  });
}

export const mapNotFound = () => notFound('That map (map=) in this workspace');
