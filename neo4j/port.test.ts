import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, isListening, isPortFree } from './port.js';

describe('port checks for the local Neo4j', () => {
  const servers: net.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  it('sees a port as busy while something listens on it, and free afterwards', async () => {
    const port = await freePort();
    expect(await isPortFree(port)).toBe(true);
    expect(await isListening(port)).toBe(false);
    const server = net.createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    expect(await isPortFree(port)).toBe(false);
    expect(await isListening(port)).toBe(true);
  });
});
