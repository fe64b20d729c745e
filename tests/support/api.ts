import { randomUUID } from 'node:crypto';
import { buildApp, type App } from '../../server/app.js';

export interface Caller {
  email: string;
  name: string;
  cookie: string;
  userId: string;
}

/** Signs a new person up and keeps their session cookie. */
export async function signUp(app: App, name = 'Researcher'): Promise<Caller> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 8)}@example.org`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, password: 'correct horse battery', name } });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'pm_session')!;
  return { email, name, cookie: `pm_session=${cookie.value}`, userId: res.json().user.id };
}

// The body is parsed JSON that each test asserts on; `any` by default spares a cast per field read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** One API call as a given person (or anonymously with `null`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the body's type, as for Answer
export async function call<T = any>(
  app: App,
  who: Caller | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const res = await app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    headers: { ...(who ? { cookie: who.cookie } : {}), ...headers },
  });
  let body: unknown;
  try {
    body = res.body ? res.json() : null;
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, body: body as T, headers: res.headers as Record<string, unknown> };
}

/** A fresh workspace owned by `owner`, for one test file's exclusive use. */
export async function newWorkspace(app: App, owner: Caller, name = 'Campaign') {
  const res = await call(app, owner, 'POST', '/api/workspaces', { name });
  if (res.status !== 201) throw new Error(`workspace failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/**
 * A second app over the same database with other options (limits, PUBLIC_URL), for tests
 * that must reach a limit or a setting that production's defaults keep out of reach.
 */
export async function appWith(base: App, options: Partial<Omit<Parameters<typeof buildApp>[0], 'db'>>): Promise<App> {
  const app = await buildApp({
    config: base.config,
    db: base.db,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    ...options,
  });
  await app.ready();
  return app;
}
