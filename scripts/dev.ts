/**
 * `npm run dev`: the API (server/main.ts, with its local Neo4j unless NEO4J_URI is set) and
 * Vite's dev server, whose /api proxy points at the API's PORT. Ctrl-C stops both, the API
 * last so that its Neo4j shuts down cleanly.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.PORT ??= '3000';

const api = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'server', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
  // Its own process group: Ctrl-C reaches this script only, which then asks the API to stop
  // exactly once (a second SIGINT would cut its shutdown short).
  detached: true,
});
process.once('exit', () => {
  if (api.exitCode === null && api.signalCode === null) api.kill('SIGTERM');
});
const apiExit = new Promise<number>((resolve) => api.once('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));

const vite = await createServer({ configFile: path.join(root, 'client', 'vite.config.ts'), clearScreen: false });
await vite.listen();
console.log(`\nClient with hot reload (API behind its /api proxy on port ${process.env.PORT}):`);
vite.printUrls();

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await vite.close().catch(() => {});
  if (api.exitCode === null && api.signalCode === null) api.kill('SIGTERM');
  const apiCode = await apiExit;
  process.exit(code || apiCode);
}

process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
// The API failing to start (no Java, busy port) ends the dev session with its message.
void apiExit.then((code) => {
  if (!stopping) void stop(code === 0 ? 1 : code);
});
