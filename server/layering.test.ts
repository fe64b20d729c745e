import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const serverDir = path.dirname(fileURLToPath(import.meta.url));

/** A string (quoted or a template) that opens with a Cypher clause. */
const cypherAtStringStart = /[`'"]\s*(?:OPTIONAL\s+)?(?:MATCH|MERGE|CREATE|UNWIND)[\s(]/;

function sources(under: string): string[] {
  return readdirSync(path.join(serverDir, under), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(under, file));
}

/** A statement run on a transaction, or the named queries of cypher/queries loaded. */
const runsAStatement = /\btx\.(?:query|one)\b|repos\/queries\.js'/;

/** "file:line" for every place in the given files that the pattern matches. */
function linesMatching(pattern: RegExp, files: string[]): string[] {
  return files.flatMap((file) => {
    const text = readFileSync(path.join(serverDir, file), 'utf8');
    const found: string[] = [];
    // A statement may open on the line after its backtick, so each match is placed by its offset.
    for (const match of text.matchAll(new RegExp(pattern, 'g'))) {
      found.push(`server/${file}:${text.slice(0, match.index).split('\n').length}`);
    }
    return found;
  });
}

describe('where Cypher lives', () => {
  it('recognises a statement at the start of a string, on its first line or the next, and not a word in prose', () => {
    expect(cypherAtStringStart.test("tx.query('MATCH (a:Actor) RETURN a')")).toBe(true);
    expect(cypherAtStringStart.test('const Q = `\n  UNWIND $ids AS id\n  MATCH (a:Actor {id: id})`')).toBe(true);
    expect(cypherAtStringStart.test('`OPTIONAL MATCH (d:DeletedActor {id: $id})`')).toBe(true);
    expect(cypherAtStringStart.test("throw invalid('Match the columns first.')")).toBe(false);
    expect(cypherAtStringStart.test("const kind = 'CREATE';")).toBe(false);
  });

  it('finds the statements the repositories hold and run', () => {
    expect(linesMatching(cypherAtStringStart, sources('repos')).length).toBeGreaterThan(50);
    expect(linesMatching(runsAStatement, sources('repos')).length).toBeGreaterThan(50);
  });

  const outsideRepos = () => [
    ...readdirSync(serverDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts')),
    ...readdirSync(serverDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'repos')
      .flatMap((entry) => sources(entry.name)),
  ];

  it('writes no Cypher statement outside the repositories', () => {
    expect(linesMatching(cypherAtStringStart, outsideRepos())).toEqual([]);
  });

  it('runs no statement outside the repositories: routes, services and analysis call a repository', () => {
    expect(linesMatching(runsAStatement, outsideRepos())).toEqual([]);
  });
});
