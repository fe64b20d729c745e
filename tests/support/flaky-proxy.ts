import net from 'node:net';

/**
 * A TCP relay in front of a real Neo4j whose link can be cut and restored at will: an
 * outage in milliseconds, without stopping the database the rest of the run shares. It
 * counts the connections the app attempts, so a test can tell what reached "the database".
 */
export interface FlakyProxy {
  uri: string;
  /** Connections attempted since start, whether relayed or refused. */
  readonly attempts: number;
  /** Cuts every open connection and resets every new one until `up`. */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function flakyProxy(targetUri: string): Promise<FlakyProxy> {
  const target = new URL(targetUri.replace(/^[a-z+]+:/, 'http:'));
  let attempts = 0;
  let isDown = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    attempts++;
    if (isDown) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect({ host: target.hostname, port: Number(target.port || 7687) });
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    get attempts() {
      return attempts;
    },
    down() {
      isDown = true;
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    up() {
      isDown = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
