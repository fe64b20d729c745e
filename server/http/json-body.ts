import type { FastifyInstance } from 'fastify';
import { Problem } from './problem.js';

const bodyProblem = (detail: string, message: string) => new Problem(400, 'Bad request', detail, { errors: [{ path: 'body', message }] });

/**
 * A key that would reach an object's prototype once the body is copied or merged, found
 * without recursion so that a deeply nested body cannot exhaust the stack.
 */
function pollutingKey(value: unknown): string | null {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Object.hasOwn(node, '__proto__')) return '__proto__';
    const ctor = (node as Record<string, unknown>).constructor;
    if (Object.hasOwn(node, 'constructor') && ctor !== null && typeof ctor === 'object' && Object.hasOwn(ctor, 'prototype')) {
      return 'constructor.prototype';
    }
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push(child);
  }
  return null;
}

/**
 * JSON bodies, with the reason a body is refused told to the caller: Fastify's own parser
 * answers "not valid JSON" even for valid JSON that it refuses for a `__proto__` key.
 */
export function installJsonBodyParser(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') {
      done(bodyProblem('The body is empty but its Content-Type says JSON: send a JSON value, or no Content-Type.', 'is empty'), undefined);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      done(bodyProblem(`The body is not valid JSON: ${(error as Error).message}.`, 'is not valid JSON'), undefined);
      return;
    }
    const key = pollutingKey(value);
    if (key) {
      done(
        bodyProblem(
          `The body holds a "${key}" key, which is refused: it could change how every object behaves.`,
          `must not hold a "${key}" key`,
        ),
        undefined,
      );
      return;
    }
    done(null, value);
  });
}
