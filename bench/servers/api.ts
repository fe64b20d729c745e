/** The real powermap app, listening, over the bench database (NEO4J_URI); no demo seed. */
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createDriver, Gateway } from '../../server/db/gateway.js';

const config = loadConfig({ ...process.env, SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
const driver = createDriver(config.NEO4J_URI!, config.NEO4J_USER, config.NEO4J_PASSWORD);
const db = new Gateway(driver, config.NEO4J_DATABASE);
const app = await buildApp({ config, db, sessionSecret: 'bench-secret-bench-secret-bench-secret-0' });
await app.listen({ port: Number(process.env.BENCH_PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);

process.once('SIGTERM', async () => {
  await app.close();
  await driver.close();
  process.exit(0);
});
