// Sign-in throttling against the real binary. In a file (and server) of its own: the failures
// also count against the client address, which could throttle the other tests' sign-ins.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startDemo, Client, DEMO_PASSWORD } from '../lib/nqtrack.mjs';

describe('sign-in throttling', () => {
  let demo;

  before(async () => { demo = await startDemo(); });
  after(async () => { if (demo) await demo.close(); });

  it('refuses even the right password after five wrong ones', async () => {
    const c = new Client(demo.url);
    for (let i = 1; i <= 5; i++) {
      const r = await c.login('lanhdao', `sai-mat-khau-${i}`);
      assert.equal(r.status, 401, `attempt ${i}: ${r.text}`);
    }
    const r = await c.login('lanhdao', DEMO_PASSWORD);
    assert.equal(r.status, 429, r.text);
    assert.ok(r.json?.error?.message, 'a message for the user');
    assert.equal(c.cookies.has('nq_session'), false);
    assert.equal((await c.get('/api/v1/me')).status, 401);
  });
});
