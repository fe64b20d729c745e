/**
 * A page on another site, open in the developer's browser, tries the local database's Bolt
 * port over WebSocket (Neo4j answers Bolt over WebSocket on the same port and has no setting
 * to refuse it). It reaches Bolt, but gets no session without the password.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';

interface Attempt {
  opened: boolean;
  /** Bolt version the server chose in the handshake, e.g. 5. */
  version: number | null;
  /** Signature of each Bolt message answered: 0x70 SUCCESS, 0x71 RECORD, 0x7E IGNORED, 0x7F FAILURE. */
  answers: number[];
  codes: string[];
}

/**
 * Runs in the page: Bolt 5.0 over WebSocket, HELLO with the given auth fields, then a query.
 * Hand-packed PackStream, as a hostile page would send it.
 */
async function boltOverWebSocket({ port, auth }: { port: number; auth: Record<string, string> }): Promise<Attempt> {
  const text = new TextEncoder();
  const packString = (s: string) => {
    const bytes = text.encode(s);
    if (bytes.length < 16) return [0x80 + bytes.length, ...bytes];
    return [0xd0, bytes.length, ...bytes];
  };
  const packMap = (m: Record<string, string>) => [
    0xa0 + Object.keys(m).length,
    ...Object.entries(m).flatMap(([k, v]) => [...packString(k), ...packString(v)]),
  ];
  const message = (signature: number, fields: number[][]) => {
    const body = [0xb0 + fields.length, signature, ...fields.flat()];
    return new Uint8Array([body.length >> 8, body.length & 0xff, ...body, 0, 0]);
  };
  const attempt: Attempt = { opened: false, version: null, answers: [], codes: [] };
  let received: number[] = [];
  let closed = false;
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  ws.binaryType = 'arraybuffer';
  let wake = () => {};
  ws.onmessage = (event) => {
    received = received.concat(Array.from(new Uint8Array(event.data as ArrayBuffer)));
    wake();
  };
  ws.onclose = () => {
    closed = true;
    wake();
  };
  /** Resolves when `ready` holds or the connection has closed; a silent server ends it after 20 s. */
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 20_000);
      const check = () => {
        if (ready() || closed) {
          clearTimeout(timer);
          resolve();
        }
      };
      wake = check;
      check();
    });
  const opened = await new Promise<boolean>((resolve) => {
    ws.onopen = () => resolve(true);
    ws.onerror = () => resolve(false);
  });
  attempt.opened = opened;
  if (!opened) return attempt;

  ws.send(new Uint8Array([0x60, 0x60, 0xb0, 0x17, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
  await until(() => received.length >= 4);
  if (received.length < 4) return attempt;
  attempt.version = received[3]!;
  received = received.slice(4);

  // Messages are chunks of <u16 length><bytes>, ended by an empty chunk.
  const takeMessages = () => {
    for (;;) {
      let offset = 0;
      const body: number[] = [];
      let complete = false;
      while (offset + 2 <= received.length) {
        const size = (received[offset]! << 8) | received[offset + 1]!;
        offset += 2;
        if (size === 0) {
          complete = true;
          break;
        }
        if (offset + size > received.length) break;
        body.push(...received.slice(offset, offset + size));
        offset += size;
      }
      if (!complete) return;
      received = received.slice(offset);
      attempt.answers.push(body[1]!);
      const code = /Neo\.[A-Za-z]+\.[A-Za-z]+\.[A-Za-z]+/.exec(new TextDecoder().decode(new Uint8Array(body)));
      if (code) attempt.codes.push(code[0]);
    }
  };
  ws.send(message(0x01, [packMap({ user_agent: 'evil/1.0', ...auth })]));
  await until(() => (takeMessages(), attempt.answers.length >= 1));
  // RUN "MATCH (u:User) RETURN u.email" {} {} and PULL {n: -1}.
  ws.send(message(0x10, [packString('MATCH (u:User) RETURN u.email AS email LIMIT 1'), [0xa0], [0xa0]]));
  ws.send(message(0x3f, [[0xa1, ...packString('n'), 0xff]]));
  await until(() => (takeMessages(), attempt.answers.length >= 3));
  takeMessages();
  ws.close();
  return attempt;
}

describe('Bolt over WebSocket from a page on another site', () => {
  let browser: Browser;
  let page: Page;
  const port = Number(new URL(inject('neo4jUri').replace(/^[a-z+]+:/, 'http:')).port || 7687);

  beforeAll(async () => {
    // Chromium now asks before a public page may reach 127.0.0.1 (Local Network Access) and,
    // headless, says no; people say yes to prompts, and other browsers do not ask at all.
    // So this is the browser that lets the page through: only the database stands in the way.
    browser = await launchChromium(['--disable-features=LocalNetworkAccessChecks']);
    page = await browser.newPage();
    // The hostile site itself, served without any network.
    await page.route('http://evil.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>A page on another site</title>' }),
    );
    await page.goto('http://evil.example/');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  const attempt = (auth: Record<string, string>) => page.evaluate(boltOverWebSocket, { port, auth });

  it('gets no session without credentials, and reads nothing', { timeout: 120_000 }, async () => {
    const result = await attempt({ scheme: 'none' });
    // The page does reach Bolt: nothing in the way but the database's own authentication.
    expect(result.opened).toBe(true);
    expect(result.version).toBe(5);
    expect(result.answers[0]).toBe(0x7f);
    expect(result.codes[0]).toBe('Neo.ClientError.Security.Unauthorized');
    expect(result.answers).not.toContain(0x71);
  });

  it("gets no session with Neo4j's default password either", { timeout: 120_000 }, async () => {
    const result = await attempt({ scheme: 'basic', principal: 'neo4j', credentials: 'neo4j' });
    expect(result.opened).toBe(true);
    expect(result.answers[0]).toBe(0x7f);
    expect(result.codes[0]).toBe('Neo.ClientError.Security.Unauthorized');
    expect(result.answers).not.toContain(0x71);
  });

  it('would get one only with the password, which never leaves the data folder', { timeout: 120_000 }, async () => {
    const result = await attempt({ scheme: 'basic', principal: inject('neo4jUser'), credentials: inject('neo4jPassword') });
    expect(result.answers[0]).toBe(0x70);
  });
});
