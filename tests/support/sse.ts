/**
 * Reading a server-sent event stream in a test the way a browser's EventSource would: the
 * events in order, whether the server has ended it, and the raw text for what is not an event.
 */
import http from 'node:http';

export interface StreamEvent<D> {
  id: string | undefined;
  event: string;
  data: D;
}

export interface Stream<D = Record<string, unknown>> {
  status: number;
  events: StreamEvent<D>[];
  ended: boolean;
  body: string;
  close(): void;
}

/** Opens `path` on a listening test server; resolves once the answer's headers are in. */
export function openStream<D = Record<string, unknown>>(
  port: number,
  path: string,
  cookie: string,
  headers: Record<string, string> = {},
): Promise<Stream<D>> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, headers: { cookie, accept: 'text/event-stream', ...headers } }, (res) => {
      const stream: Stream<D> = { status: res.statusCode ?? 0, events: [], ended: false, body: '', close: () => request.destroy() };
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        stream.body += chunk;
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const block of blocks) {
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((l) => !l.startsWith(':') && l.includes(': '))
              .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]),
          );
          if (fields.event) stream.events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data!) as D });
        }
      });
      res.on('end', () => (stream.ended = true));
      res.on('close', () => (stream.ended = true));
      resolve(stream);
    });
    request.on('error', reject);
  });
}

/** Waits for a condition (never for a clock), naming what it waited for if it gives up. */
export async function until(check: () => boolean | Promise<boolean>, what: string | (() => string), ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
