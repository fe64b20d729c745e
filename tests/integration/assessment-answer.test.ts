/**
 * Recording a reading answers with what the editor needs next (the actor's new version), so
 * the grid's drag costs one request and the following edit is not refused as stale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

describe('the answer to recording an assessment', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Grid dragger');
    ws = await newWorkspace(ctx.app, me, 'Readings');
  });
  afterAll(() => ctx.close());

  it('carries the actor version after the reading, unchanged when a later reading stays current', async () => {
    const actor = (await call(ctx.app, me, 'POST', url('/actors'), { kind: 'person', name: 'Senator Vega' })).body;
    const now = await call(ctx.app, me, 'POST', url(`/actors/${actor.id}/assessments`), { power: 4, alignment: -1 });
    expect(now.status).toBe(201);
    expect(now.body).toMatchObject({ power: 4, alignment: -1, actorId: actor.id, actorVersion: actor.version + 1 });

    const backDated = await call(ctx.app, me, 'POST', url(`/actors/${actor.id}/assessments`), {
      power: 1,
      alignment: 2,
      at: '2020-01-01T00:00:00Z',
    });
    expect(backDated.body.actorVersion).toBe(actor.version + 1);

    // The next edit bases on the version from the answer, with no read in between.
    const edit = await call(ctx.app, me, 'PATCH', url(`/actors/${actor.id}`), {
      description: 'Chairs the committee',
      version: now.body.actorVersion,
    });
    expect(edit.status).toBe(200);
  });
});
