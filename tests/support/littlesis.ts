import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/littlesis/${name}`, import.meta.url), 'utf8');

/** The recorded answers, by the path and query LittleSis's API is asked (see tests/fixtures/littlesis). */
const answers: Record<string, string> = {
  '/api/entities/9001': fixture('entity-9001.json'),
  '/api/entities/9001/relationships?page=1': fixture('relationships-9001.json'),
  '/api/entities?ids=9002,9003,9004,9005': fixture('entities-others.json'),
};

export interface RecordedLittleSis {
  /** Base URL to give the server as LITTLESIS_URL. */
  url: string;
  /** Every path asked so far, in order. */
  asked: string[];
  close(): Promise<void>;
}

/** An entity whose every request LittleSis answers with a server error. */
export const FAILING_ENTITY = 9500;

/**
 * LittleSis's public API as recorded: replays the fixtures, answers 500 for FAILING_ENTITY
 * and 404 (as LittleSis does) for anything else, so that nothing in the tests reaches the
 * internet.
 */
export async function recordedLittleSis(): Promise<RecordedLittleSis> {
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    asked.push(req.url ?? '');
    if ((req.url ?? '').startsWith(`/api/entities/${FAILING_ENTITY}`)) {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<h1>We are sorry, but something went wrong.</h1>');
      return;
    }
    const body = answers[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(body ?? JSON.stringify({ errors: [{ title: 'Not found' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The recorded answers as one file, the shape the littlesis format reads. */
export function littlesisFile(): string {
  return JSON.stringify({
    entity: JSON.parse(fixture('entity-9001.json')),
    relationships: JSON.parse(fixture('relationships-9001.json')),
    entities: JSON.parse(fixture('entities-others.json')),
  });
}
