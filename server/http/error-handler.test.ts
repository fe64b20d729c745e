import Fastify from 'fastify';
import { Neo4jError } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mapDriverError } from '../db/gateway.js';
import {
  Abandoned,
  conflict,
  DomainError,
  Gone,
  invalid,
  MappingNeeded,
  NotFound,
  notFound,
  Timeout,
  TooLarge,
  TooMany,
  Unauthorized,
  Unavailable,
  Unusable,
  validationError,
  VersionRequired,
} from '../domain/errors.js';
import { installErrorHandler } from './error-handler.js';

// One route per error: what a caller receives when a service throws it.
const thrown: Record<string, () => DomainError> = {
  invalid: () => invalid('from and to are the same actor.', [{ path: 'querystring.to', message: 'same as from' }]),
  validation: () => validationError(z.object({ strength: z.number().max(5) }).safeParse({ strength: 9 }).error!, 'body'),
  'not-found': () => notFound('Actor'),
  conflict: () => conflict('The actor was changed by someone else.', { current: { id: 'a', version: 3 } }),
  'version-required': () => new VersionRequired('Say which version you edited.'),
  gone: () => new Gone('This invite was withdrawn.'),
  unavailable: () => new Unavailable('The database is not reachable right now; try again shortly.', 7),
  timeout: () => new Timeout(),
  unauthorized: () => new Unauthorized(),
  abandoned: () => new Abandoned(),
  'too-many': () => new TooMany('You have 2 imports still running.', 10),
  'too-large': () => new TooLarge('The sheet has too many rows.'),
  unusable: () => new Unusable('This is not JSON. Nothing was imported.'),
  'mapping-needed': () => new MappingNeeded('Say which columns name the two actors.'),
};

const app = Fastify();
installErrorHandler(app);
for (const [kind, make] of Object.entries(thrown)) app.get(`/${kind}`, async () => Promise.reject(make()));
afterAll(() => app.close());

const answer = async (kind: string) => {
  const res = await app.inject({ method: 'GET', url: `/${kind}` });
  return { status: res.statusCode, type: res.headers['content-type'], retryAfter: res.headers['retry-after'], body: res.json() };
};

describe('domain errors answered as problems', () => {
  it('answers each kind with the status and title the API has always used', async () => {
    const seen: Record<string, [number, string]> = {};
    for (const kind of Object.keys(thrown)) {
      const { status, body } = await answer(kind);
      seen[kind] = [status, body.title];
    }
    expect(seen).toEqual({
      invalid: [400, 'Bad request'],
      validation: [400, 'Validation failed'],
      'not-found': [404, 'Not found'],
      conflict: [409, 'Conflict'],
      'version-required': [428, 'Version required'],
      gone: [410, 'Gone'],
      unavailable: [503, 'Service unavailable'],
      timeout: [503, 'Service unavailable'],
      unauthorized: [401, 'Unauthorized'],
      abandoned: [499, 'Client closed request'],
      'too-many': [429, 'Too many requests'],
      'too-large': [413, 'Payload too large'],
      unusable: [422, 'Unusable file'],
      'mapping-needed': [422, 'Mapping needed'],
    });
  });

  it('keeps the sentence, the fields at fault and the current record', async () => {
    expect(await answer('invalid')).toMatchObject({
      type: expect.stringContaining('application/problem+json'),
      body: { detail: 'from and to are the same actor.', errors: [{ path: 'querystring.to', message: 'same as from' }] },
    });
    expect((await answer('validation')).body).toMatchObject({
      detail: expect.stringMatching(/^body\.strength: /),
      errors: [{ path: 'body.strength' }],
    });
    expect((await answer('conflict')).body).toMatchObject({ current: { id: 'a', version: 3 } });
    expect((await answer('not-found')).body.detail).toBe('Actor was not found.');
  });

  it('tells an unavailable database when to come back, in the body and the header', async () => {
    expect(await answer('unavailable')).toMatchObject({ retryAfter: '7', body: { retryAfter: 7 } });
  });
});

describe('driver errors as domain errors', () => {
  const driverError = (code: string) => new Neo4jError('from the driver', code, 'N/A', 'N/A');

  it('turns a time budget running out into Timeout, which analysis catches to answer partially', () => {
    expect(mapDriverError(driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'))).toBeInstanceOf(Timeout);
    expect(mapDriverError(driverError('Neo.TransientError.Transaction.Terminated'))).toBeInstanceOf(Timeout);
  });

  it('turns a uniqueness clash into Conflict and a busy database into Unavailable', () => {
    expect(mapDriverError(driverError('Neo.ClientError.Schema.ConstraintValidationFailed'))).toMatchObject({ kind: 'conflict' });
    expect(mapDriverError(driverError('Neo.TransientError.Transaction.DeadlockDetected'))).toMatchObject({
      kind: 'unavailable',
      extra: { retryAfter: 1 },
    });
    expect(mapDriverError(driverError('ServiceUnavailable'))).toMatchObject({ kind: 'unavailable' });
  });

  it('says that work too big for the database’s memory must be made smaller, instead of "try again"', () => {
    const error = mapDriverError(driverError('Neo.TransientError.General.MemoryPoolOutOfMemoryError'));
    expect(error).toMatchObject({ kind: 'too-large' });
    expect((error as Error).message).toMatch(/nothing of it was saved.*smaller parts/);
  });

  it('lets domain errors and bugs pass through unchanged', () => {
    const missing = new NotFound('Map was not found.');
    const bug = new TypeError('x is undefined');
    expect(mapDriverError(missing)).toBe(missing);
    expect(mapDriverError(bug)).toBe(bug);
  });
});
