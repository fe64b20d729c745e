import { WorkerPool } from '../server/workers/pool.js';
import { seededRandom } from '../server/analysis/graph.js';
import { toParams } from '../server/db/convert.js';
import { actorProps } from '../server/repos/actors.js';
const pool = new WorkerPool();
const els = 8333, rows = 25000;
const e = ['Label,Type']; for (let i = 0; i < els; i++) e.push(`Bench ${i},Person`);
const c = ['From,To,Type,Strength']; const random = seededRandom(9);
for (let i = 0; i < rows; i++) { const a = Math.floor(random() * els); const b = (a + 1 + Math.floor(random() * (els - 1))) % els; c.push(`Bench ${a},Bench ${b},friend,3`); }
const lags: number[] = []; let last = performance.now();
const t = setInterval(() => { const now = performance.now(); if (now - last > 30) lags.push(Math.round(now - last)); last = now; }, 5);
for (let k = 0; k < 3; k++) {
  let t0 = performance.now();
  const plan = await pool.run('kumuImport', { elements: e.join('\n'), connections: c.join('\n'), existing: { names: [], ids: [], kinds: [] }, now: new Date().toISOString() });
  console.log('worker total', Math.round(performance.now() - t0), 'lags so far', JSON.stringify(lags.splice(0)));
  t0 = performance.now();
  const arows = plan.actors.map((a) => ({ id: a.id, props: actorProps(a) }));
  console.log('actorProps', Math.round(performance.now() - t0));
  t0 = performance.now(); for (let i = 0; i < arows.length; i += 2000) toParams({ rows: arows.slice(i, i + 2000) }); console.log('toParams actors', Math.round(performance.now() - t0));
  t0 = performance.now(); const rrows = plan.relationships.map(({ type: _t, from, to, ...props }) => ({ from, to, props })); for (let i = 0; i < rrows.length; i += 2000) toParams({ rows: rrows.slice(i, i + 2000) }); console.log('toParams rels', Math.round(performance.now() - t0));
}
clearInterval(t); await pool.close();
