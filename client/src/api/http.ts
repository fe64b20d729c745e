/** Typed fetch over the JSON API; every failure becomes an ApiError carrying the problem. */
export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  current?: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: ProblemBody) {
    super(problem.detail);
  }
  get status() {
    return this.problem.status;
  }
  /** Field errors keyed by their first path segment, as forms show them. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.path.replace(/^\/?(body\.|body\/)?/, '').split(/[./]/)[0] ?? '';
      if (!out[key]) out[key] = e.message;
    }
    return out;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function api<T>(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      title: 'Offline',
      detail: 'The powermap server is not reachable. Check your connection; nothing was saved.',
    });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const p = (parsed ?? {}) as Partial<ProblemBody>;
    throw new ApiError({
      ...p,
      status: response.status,
      title: p.title ?? response.statusText,
      detail: p.detail ?? describeStatus(response.status),
    });
  }
  return parsed as T;
}

function describeStatus(status: number) {
  if (status === 404) return 'This part of the server is not available (404).';
  if (status >= 500) return `The server failed (${status}). Try again in a moment.`;
  return `The server answered ${status}.`;
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const patch = <T>(url: string, body: unknown) => api<T>('PATCH', url, body);
export const del = <T = void>(url: string) => api<T>('DELETE', url);

export function qs(params: Record<string, string | number | boolean | undefined | null | string[]>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    search.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
