import { randomUUID } from 'node:crypto';
import type { App } from '../../server/app.js';
import { call, type Caller } from './api.js';

/** A multipart/form-data body as a browser sends it: text fields and at most one file. */
export function formData(fields: Record<string, string>, file?: { name: string; content: Buffer | string; type?: string }) {
  const boundary = `----powermap${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file as a new import job; the answer as the API gives it. */
export async function startImport(
  app: App,
  who: Caller,
  ws: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer | string },
) {
  const { payload, contentType } = formData(fields, file);
  const res = await app.inject({
    method: 'POST',
    url: `/api/workspaces/${ws}/imports`,
    payload,
    headers: { cookie: who.cookie, 'content-type': contentType },
  });
  return { status: res.statusCode, body: res.json() as { id: string; detail?: string } & Record<string, unknown> };
}

/** Polls a job until it is done or failed (no fixed sleeps: a loaded machine is slow). */
export async function finished(app: App, who: Caller, ws: string, id: string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await call(app, who, 'GET', `/api/workspaces/${ws}/imports/${id}`);
    if (res.status !== 200) throw new Error(`job ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.state === 'done' || res.body.state === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${res.body.state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts an import and waits for its outcome. */
export async function importFile(
  app: App,
  who: Caller,
  ws: string,
  fields: Record<string, string>,
  file: { name: string; content: Buffer | string },
) {
  const started = await startImport(app, who, ws, fields, file);
  if (started.status !== 202) throw new Error(`import refused: ${started.status} ${JSON.stringify(started.body)}`);
  return finished(app, who, ws, started.body.id);
}
