// The JSON API against the real binary over a fresh demo database: scope, CSRF, bad input,
// conflicts, search, logout everywhere, static assets and a clean shutdown on SIGTERM.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startDemo, signedIn, Client, orgIdsByCode, rawHttp } from '../lib/nqtrack.mjs';

describe('JSON API', () => {
  let demo;
  let ids;        // organization id by code
  let committee;  // bantochuc: committee role at the root
  let stc;        // baocao.stc: reporter of BTR.STC
  let syt;        // baocao.syt: reporter of BTR.SYT (a sibling of BTR.STC)

  before(async () => {
    demo = await startDemo();
    committee = await signedIn(demo.url, 'bantochuc');
    stc = await signedIn(demo.url, 'baocao.stc');
    syt = await signedIn(demo.url, 'baocao.syt');
    ids = await orgIdsByCode(committee);
  });

  after(async () => {
    if (demo) await demo.close();
  });

  const getOrg = async (code) => {
    const r = await committee.get(`/api/v1/orgs/${ids.get(code)}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };

  it('gives the whole demo tree to a root user', async () => {
    assert.ok(ids.size >= 200, `only ${ids.size} organizations`);
    assert.ok(ids.has('BTR') && ids.has('BTR.STC') && ids.has('BTR.SYT') && ids.has('BTR.STC.VP'));
  });

  it('scopes the tree of a reporter to their organization', async () => {
    const r = await stc.get('/api/v1/orgs/tree');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.root.code, 'BTR.STC');
    const codes = [];
    const walk = (n) => { codes.push(n.code); (n.children ?? []).forEach(walk); };
    walk(r.json.root);
    assert.ok(codes.length > 1);
    assert.ok(codes.every((c) => c === 'BTR.STC' || c.startsWith('BTR.STC.')), codes.join(' '));
  });

  it('forbids a reporter to read or change a sibling organization', async () => {
    const own = await stc.get(`/api/v1/orgs/${ids.get('BTR.STC')}`);
    assert.equal(own.status, 200, own.text);

    const read = await stc.get(`/api/v1/orgs/${ids.get('BTR.SYT')}`);
    assert.equal(read.status, 403, read.text);
    const readChild = await stc.get(`/api/v1/orgs/${ids.get('BTR.SYT.VP')}`);
    assert.equal(readChild.status, 403, readChild.text);

    const before = await getOrg('BTR.SYT');
    const change = await stc.patch(`/api/v1/orgs/${ids.get('BTR.SYT')}`, { name: 'Đã bị sửa' });
    assert.equal(change.status, 403, change.text);
    const move = await stc.post(`/api/v1/orgs/${ids.get('BTR.SYT.VP')}/move`,
                                { parent_id: ids.get('BTR.STC') });
    assert.equal(move.status, 403, move.text);
    assert.deepEqual(await getOrg('BTR.SYT'), before);

    // And the other way round.
    const back = await syt.get(`/api/v1/orgs/${ids.get('BTR.STC')}`);
    assert.equal(back.status, 403, back.text);
  });

  it('refuses state changes without the CSRF token and changes nothing', async () => {
    const id = ids.get('BTR.STP');
    const before = await getOrg('BTR.STP');
    const patch = await committee.patch(`/api/v1/orgs/${id}`, { name: 'Không CSRF' },
                                        { csrf: false });
    assert.equal(patch.status, 403, patch.text);
    const wrong = await committee.patch(`/api/v1/orgs/${id}`, { name: 'CSRF sai' },
                                        { csrf: false, headers: { 'x-csrf-token': 'x'.repeat(64) } });
    assert.equal(wrong.status, 403, wrong.text);
    const create = await committee.post('/api/v1/orgs', {
      code: 'BTR.NOCSRF', name: 'Chi bộ không CSRF', kind: 'base_cell', parent_id: ids.get('BTR'),
    }, { csrf: false });
    assert.equal(create.status, 403, create.text);
    assert.deepEqual(await getOrg('BTR.STP'), before);
    const list = await committee.get('/api/v1/orgs?search=BTR.NOCSRF');
    assert.equal(list.status, 200);
    assert.equal(list.json.total, 0);
  });

  it('rejects malformed JSON, unknown fields, invalid UTF-8 and bad dates with 400', async () => {
    const id = ids.get('BTR.STP');
    const path = `/api/v1/orgs/${id}`;
    const before = await getOrg('BTR.STP');
    const headers = { 'content-type': 'application/json' };

    const bad = await committee.request('PATCH', path, { body: '{"name": "Chi bộ', headers });
    assert.equal(bad.status, 400, bad.text);
    assert.ok(bad.json?.error?.message, 'a message for the user');

    const unknown = await committee.patch(path, { name: 'Tên mới', colour: 'đỏ' });
    assert.equal(unknown.status, 400, unknown.text);

    const wrongType = await committee.patch(path, { members: 'nhiều' });
    assert.equal(wrongType.status, 400, wrongType.text);

    const utf8 = Buffer.concat([Buffer.from('{"name":"Chi b'), Buffer.from([0xff, 0xfe]),
                                Buffer.from('"}')]);
    const badUtf8 = await committee.request('PATCH', path, { body: utf8, headers });
    assert.equal(badUtf8.status, 400, badUtf8.text);

    const date = await committee.patch(path, { valid_from: '2021-02-30' });
    assert.equal(date.status, 400, date.text);

    assert.deepEqual(await getOrg('BTR.STP'), before);
  });

  it('answers an oversized body with 413', async () => {
    const size = 9 * 1024 * 1024;  // over the 8 MiB limit of a body that is not an upload
    const head = `PATCH /api/v1/orgs/${ids.get('BTR.STP')} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`;
    const r = await rawHttp(demo.port, Buffer.concat([Buffer.from(head), Buffer.alloc(4096, 32)]));
    assert.equal(r.status, 413, r.head);
  });

  it('reports a duplicate code and a cyclic move as 409', async () => {
    const dup = await committee.post('/api/v1/orgs', {
      code: 'BTR.STC', name: 'Trùng mã', kind: 'base_cell', parent_id: ids.get('BTR'),
    });
    assert.equal(dup.status, 409, dup.text);

    const before = await getOrg('BTR.STC');
    const cycle = await committee.post(`/api/v1/orgs/${ids.get('BTR.STC')}/move`,
                                       { parent_id: ids.get('BTR.STC.VP') });
    assert.equal(cycle.status, 409, cycle.text);
    const self = await committee.post(`/api/v1/orgs/${ids.get('BTR.STC')}/move`,
                                      { parent_id: ids.get('BTR.STC') });
    assert.equal(self.status, 409, self.text);
    assert.deepEqual(await getOrg('BTR.STC'), before);
  });

  it('changes an organization with a valid request', async () => {
    const id = ids.get('BTR.SNGV');
    const r = await committee.patch(`/api/v1/orgs/${id}`, { members: 13, valid_from: '2020-03-01' });
    assert.equal(r.status, 200, r.text);
    const after = await getOrg('BTR.SNGV');
    assert.equal(after.members, 13);
    assert.equal(after.valid_from, '2020-03-01');
  });

  it('finds organizations without tone marks, inside the scope only', async () => {
    const q = encodeURIComponent('dang bo so tai chinh');
    const r = await committee.get(`/api/v1/orgs?search=${q}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.items.some((o) => o.name === 'Đảng bộ Sở Tài chính'),
              JSON.stringify(r.json.items.map((o) => o.name)));

    const other = await syt.get(`/api/v1/orgs?search=${q}`);
    assert.equal(other.status, 200, other.text);
    assert.equal(other.json.items.length, 0);
  });

  it('ends every session of a user on logout everywhere', async () => {
    const a = await signedIn(demo.url, 'lanhdao');
    const b = await signedIn(demo.url, 'lanhdao');
    assert.equal((await b.get('/api/v1/me')).status, 200);
    const r = await a.request('POST', '/api/v1/session/logout-all');
    assert.ok(r.status === 204 || r.status === 200, `${r.status} ${r.text}`);
    assert.equal((await a.get('/api/v1/me')).status, 401);
    assert.equal((await b.get('/api/v1/me')).status, 401);
    // Other users keep their sessions.
    assert.equal((await committee.get('/api/v1/me')).status, 200);
  });

  it('requires a session for the API', async () => {
    const anon = new Client(demo.url);
    assert.equal((await anon.get('/api/v1/orgs/tree')).status, 401);
  });

  it('serves static assets with an ETag and answers 304 to If-None-Match', async () => {
    const r = await fetch(`${demo.url}/static/vendor/htmx.min.js`);
    assert.equal(r.status, 200);
    await r.arrayBuffer();
    const etag = r.headers.get('etag');
    assert.ok(etag, 'an ETag header');
    const again = await fetch(`${demo.url}/static/vendor/htmx.min.js`,
                              { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  it('exits with status 0 on SIGTERM', async () => {
    const status = await demo.close();
    demo = null;
    assert.deepEqual(status, { code: 0, signal: null });
  });
});
