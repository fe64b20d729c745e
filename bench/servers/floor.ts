/**
 * The floor: a bare node:http handler that runs, for each URL, exactly the Cypher statements
 * the API ran for it (recorded by the harness), session by session as the API did, with
 * neo4j-driver, and writes the records as JSON. No framework, validation, auth or conversion:
 * what is left of the API's time above this is its overhead.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { revive, type Plan } from '../lib/plan.js';

const plan = JSON.parse(readFileSync(process.env.FLOOR_PLAN!, 'utf8'), revive) as Plan;
const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''), {
  maxConnectionPoolSize: 100,
});

const server = http.createServer(async (req, res) => {
  const units = plan[req.url ?? ''];
  if (!units) {
    res.writeHead(404).end();
    return;
  }
  try {
    const results = [];
    for (const unit of units) {
      const session = driver.session({
        database: 'neo4j',
        defaultAccessMode: unit.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      });
      try {
        const work = async (tx: ManagedTransaction) => {
          const out = [];
          for (const s of unit.statements) out.push((await tx.run(s.cypher, s.params)).records.map((r) => r.toObject()));
          return out;
        };
        results.push(unit.mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work));
      } finally {
        await session.close();
      }
    }
    const body = JSON.stringify(results, (_k, v: unknown) => (neo4j.isInt(v) ? v.toNumber() : v));
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.once('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
