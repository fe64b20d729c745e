import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_HOPS } from '../domain/analysis.js';

const folder = fileURLToPath(new URL('../../cypher/queries/', import.meta.url));
const texts = new Map<string, string>();

/** The step patterns a traversal may take; `{{STEP}}` is only ever one of these. */
const steps = {
  out: '(:Actor)-[r]->(:Actor)',
  in: '(:Actor)<-[r]-(:Actor)',
  both: '(:Actor)-[r]-(:Actor)',
} as const;
export type Direction = keyof typeof steps;

/**
 * A named query from cypher/queries. Cypher takes neither a path length nor an arrow from a
 * parameter, so `{{MAX}}` and `{{STEP}}` are written in here, from a checked integer and a
 * fixed pattern only; everything else stays a `$parameter`.
 */
export function cypher(name: string, fill: { max?: number; direction?: Direction } = {}): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = readFileSync(`${folder}${name}.cypher`, 'utf8');
    texts.set(name, text);
  }
  if (text.includes('{{MAX}}')) {
    const max = fill.max;
    if (max === undefined || !Number.isInteger(max) || max < 1 || max > MAX_HOPS) {
      throw new Error(`query ${name} needs a hop count from 1 to ${MAX_HOPS}, got ${String(max)}`);
    }
    text = text.replaceAll('{{MAX}}', String(max));
  }
  if (text.includes('{{STEP}}')) text = text.replaceAll('{{STEP}}', steps[fill.direction ?? 'both']);
  return text;
}
