// Assigned tasks against the real binary over a fresh demo database: a task created through the
// API, progress with an evidence file uploaded as multipart/form-data and downloaded back
// byte for byte with safe headers, scope (a reporter of another organization sees, updates and
// downloads nothing), a file whose extension lies, viewers, bad queries, and a file over the
// evidence limit inside a body the server accepts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startDemo, signedIn, orgIdsByCode } from '../lib/nqtrack.mjs';

// A minimal well-formed PDF: what the server sniffs ("%PDF-" at the start), bytes not all text.
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n%'),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
  Buffer.from('\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
              '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
              'trailer << /Root 1 0 R >>\n%%EOF\n'),
]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
const FILE_NAME = 'Báo cáo tiến độ.pdf';

describe('assigned tasks', () => {
  let demo;
  let ids;        // organization id by code
  let committee;  // bantochuc: committee role at the root
  let stc;        // baocao.stc: reporter of BTR.STC, the owner
  let syt;        // baocao.syt: reporter of BTR.SYT, a sibling
  let viewer;     // lanhdao: viewer at the root
  let task;       // created in before()
  let evidenceUrl;

  const taskPath = () => `/api/v1/tasks/${task.id}`;
  const updatesPath = () => `${taskPath()}/updates`;

  // A multipart POST through the client's cookie jar and CSRF token (fetch sets the boundary).
  const postForm = (client, path, fields, files = []) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const { bytes, name, type } of files) {
      form.append('evidence', new Blob([bytes], { type: type ?? 'application/pdf' }), name);
    }
    return client.request('POST', path, { body: form });
  };

  // A GET read as bytes (the client's request() reads text).
  const download = async (client, path) => {
    const res = await fetch(demo.url + path, { headers: { cookie: client.cookieHeader() } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  const updates = async () => {
    const r = await committee.get(taskPath());
    assert.equal(r.status, 200, r.text);
    return r.json;
  };

  before(async () => {
    demo = await startDemo();
    committee = await signedIn(demo.url, 'bantochuc');
    stc = await signedIn(demo.url, 'baocao.stc');
    syt = await signedIn(demo.url, 'baocao.syt');
    viewer = await signedIn(demo.url, 'lanhdao');
    ids = await orgIdsByCode(committee);
    const resolutions = await committee.get('/api/v1/resolutions');
    assert.equal(resolutions.status, 200, resolutions.text);
    assert.ok(resolutions.json.items.length > 0, 'the demo has no resolution');
    const r = await committee.post('/api/v1/tasks', {
      resolution_id: resolutions.json.items[0].id,
      title: 'Xây dựng kế hoạch thực hiện Nghị quyết (thử HTTP)',
      owner_org_id: ids.get('BTR.STC'),
      assigning_document: '125-CV/ĐUK',
      assigned: '2023-01-05',
      deadline: { recurrence: 'once', due: '2023-03-31' },
      product: 'document',
      document: { title: 'Kế hoạch thực hiện Nghị quyết', issuing_body: 'Ban Thường vụ Đảng ủy' },
    });
    assert.equal(r.status, 201, r.text);
    task = r.json;
  });

  after(async () => {
    if (demo) await demo.close();
  });

  it('lists the new task with its state and counts as of a date', async () => {
    const r = await committee.get(
      `/api/v1/tasks?as_of=2023-05-17&org_id=${ids.get('BTR.STC')}&product=document`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.as_of, '2023-05-17');
    const row = r.json.tasks.find((t) => t.id === task.id);
    assert.ok(row, 'the task is not listed');
    assert.equal(row.state, 'overdue');
    assert.equal(row.state_label, 'Quá hạn');
    assert.equal(row.owner_name, task.owner_name);
    assert.ok(r.json.counts.overdue >= 1);
    const early = await committee.get(`/api/v1/tasks?as_of=2023-02-01&org_id=${ids.get('BTR.STC')}`);
    assert.equal(early.json.tasks.find((t) => t.id === task.id).state, 'open_in_time');
    const bad = await committee.get('/api/v1/tasks?as_of=2023-02-30');
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.json.error.key, 'query.invalid');
  });

  it('takes progress with an evidence file and serves the same bytes back safely', async () => {
    const r = await postForm(stc, updatesPath(), { percent: '60', note: 'Đã trình dự thảo' },
                             [{ bytes: PDF, name: FILE_NAME }]);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.percent, 60);
    assert.equal(r.json.evidence.length, 1);
    const e = r.json.evidence[0];
    assert.equal(e.file_name, FILE_NAME);
    assert.equal(e.type, 'pdf');
    assert.equal(e.size, PDF.length);
    evidenceUrl = e.url;

    const d = await download(stc, evidenceUrl);
    assert.equal(d.status, 200);
    assert.ok(d.bytes.equals(PDF), 'the downloaded bytes differ from the upload');
    assert.equal(d.headers.get('content-type'), 'application/pdf');
    assert.equal(d.headers.get('content-disposition'),
                 'attachment; filename="Bao cao tien do.pdf"; ' +
                 `filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`);
    assert.equal(d.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(d.headers.get('cache-control'), 'private, no-store');

    const page = await updates();
    assert.equal(page.progress_percent, 60);
    assert.deepEqual(page.updates.at(-1).evidence[0], e);
  });

  it('refuses a reporter of another organization the task, its updates and its evidence', async () => {
    assert.ok(evidenceUrl, 'needs the upload of the previous test');
    const before = (await updates()).updates.length;
    const refused = [
      await syt.get(taskPath()),
      await syt.post(updatesPath(), { percent: 90, note: 'Không được' }),
      await postForm(syt, updatesPath(), { percent: '90' }, [{ bytes: PDF, name: 'khac.pdf' }]),
      await syt.get(evidenceUrl),
    ];
    for (const r of refused) {
      assert.equal(r.status, 403, r.text);
      assert.equal(r.json.error.key, 'scope.denied');
      assert.ok(!r.text.includes('%PDF'));
    }
    const list = await syt.get('/api/v1/tasks?as_of=2023-05-17');
    assert.equal(list.status, 200, list.text);
    assert.ok(!list.json.tasks.some((t) => t.id === task.id));
    assert.equal((await updates()).updates.length, before);
  });

  it('refuses an evidence file whose extension lies and stores nothing', async () => {
    const before = await updates();
    const r = await postForm(stc, updatesPath(), { percent: '80', note: 'Kèm báo cáo' },
                             [{ bytes: HTML, name: 'bao-cao.pdf', type: 'application/pdf' }]);
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.error.key, 'evidence.type_mismatch');
    assert.match(r.json.error.message, /bao-cao\.pdf/);
    const after = await updates();
    assert.deepEqual(after.updates, before.updates);
    assert.equal(after.progress_percent, before.progress_percent);
  });

  it('refuses an evidence file over 8 MiB inside a body the server accepts', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(8 * 1024 * 1024, 0x20)]);
    const r = await postForm(stc, updatesPath(), { percent: '80' }, [{ bytes: big, name: 'lon.pdf' }]);
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.error.key, 'evidence.too_large');
  });

  it('lets a viewer read but not post, and needs the CSRF header for a form', async () => {
    assert.equal((await viewer.get(taskPath())).status, 200);
    const r = await viewer.post(updatesPath(), { percent: 90, note: 'Không được' });
    assert.equal(r.status, 403, r.text);
    assert.equal(r.json.error.key, 'role.denied');
    const form = new FormData();
    form.append('percent', '90');
    const noCsrf = await stc.request('POST', updatesPath(), { body: form, csrf: false });
    assert.equal(noCsrf.status, 403, noCsrf.text);
    assert.equal(noCsrf.json.error.key, 'csrf.invalid');
  });
});
