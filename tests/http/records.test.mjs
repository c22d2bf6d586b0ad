// Party-building records (issue 5) against the real binary over a fresh demo database: the
// built-in types, a dissemination session written through the API with typed values, a bad
// record refused with every problem listed and nothing stored, roles and scope (a viewer and a
// reporter of another organization cannot write), the privacy of a personal type (an
// inspection read by the organization board and the organization concerned, not by a viewer
// nor a reporter elsewhere; the read audited), CSV import all-or-nothing with line numbers and
// idempotent, the CSV export read back by the import, record types created and revised, and
// the generated pages (list, form with its errors, import, one record).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startDemo, signedIn, orgIdsByCode } from '../lib/nqtrack.mjs';

const BOM = '\uFEFF';

describe('party-building records', () => {
  let demo;
  let ids;        // organization id by code
  let committee;  // bantochuc: committee, organization board, at the root
  let admin;
  let stc;        // baocao.stc: reporter of BTR.STC
  let syt;        // baocao.syt: reporter of BTR.SYT, a sibling
  let viewer;     // lanhdao: viewer at the root
  let types;      // code -> type (GET /api/v1/record-types)
  let inspection; // the personal record created by the committee for BTR.STC

  const recordsOf = (client, type, query = '') =>
    client.get(`/api/v1/record-types/${types.get(type).id}/records${query}`);
  const create = (client, type, body) =>
    client.post(`/api/v1/record-types/${types.get(type).id}/records`, body);
  const importCsv = (client, type, csv, query = '') =>
    client.request('POST', `/api/v1/record-types/${types.get(type).id}/import${query}`, {
      body: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  const totalOf = async (client, type, query = '') => {
    const r = await recordsOf(client, type, query);
    assert.equal(r.status, 200, r.text);
    return r.json.total;
  };
  // A page form POST (urlencoded, with the session's CSRF token as _csrf).
  const postForm = (client, path, fields) =>
    client.request('POST', path, {
      body: new URLSearchParams({ _csrf: client.csrf, ...fields }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      csrf: false,
    });

  before(async () => {
    demo = await startDemo();
    committee = await signedIn(demo.url, 'bantochuc');
    admin = await signedIn(demo.url, 'admin');
    stc = await signedIn(demo.url, 'baocao.stc');
    syt = await signedIn(demo.url, 'baocao.syt');
    viewer = await signedIn(demo.url, 'lanhdao');
    ids = await orgIdsByCode(committee);
    const r = await stc.get('/api/v1/record-types');
    assert.equal(r.status, 200, r.text);
    types = new Map(r.json.items.map((t) => [t.code, t]));
  });

  after(async () => {
    if (demo) await demo.close();
  });

  it('lists the eleven built-in types with Vietnamese names, fields and privacy', () => {
    for (const code of ['dissemination', 'cell_meeting', 'committee_meeting', 'inspection',
      'admission', 'quality_rating', 'mass_mobilization_model', 'role_model_pledge',
      'emulation_pledge', 'workers_conference', 'training_course']) {
      assert.ok(types.has(code), `missing built-in type ${code}`);
    }
    const d = types.get('dissemination');
    assert.equal(d.name, 'Hội nghị quán triệt, triển khai');
    assert.equal(types.get('cell_meeting').name, 'Sinh hoạt chi bộ');
    assert.equal(types.get('inspection').name, 'Kiểm tra, giám sát');
    assert.equal(d.privacy, 'open');
    assert.equal(types.get('inspection').privacy, 'personal');
    assert.equal(types.get('inspection').privacy_label, 'Hồ sơ cá nhân');
    assert.equal(d.date_field, 'held_on');
    assert.equal(d.version, 1);
    assert.equal(d.version_count, 1);
    assert.equal(typeof d.records, 'number');
    const present = d.fields.find((f) => f.code === 'members_present');
    assert.equal(present.type, 'number');
    assert.equal(present.required, true);
    assert.equal(present.whole, true);
    assert.ok(d.rules.some((rule) => rule.code === 'R1'), JSON.stringify(d.rules));
  });

  it('gives one type with all its versions, and 404 for an unknown one', async () => {
    const r = await stc.get(`/api/v1/record-types/${types.get('dissemination').id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.versions.length, 1);
    assert.equal(r.json.versions[0].number, 1);
    assert.deepEqual(r.json.versions[0].fields.map((f) => f.code), r.json.fields.map((f) => f.code));
    const missing = await stc.get('/api/v1/record-types/999999');
    assert.equal(missing.status, 404, missing.text);
    assert.equal(missing.json.error.key, 'record_type.not_found');
  });

  it('creates a dissemination record for BTR.STC with typed values and reads it back', async () => {
    const before = await totalOf(stc, 'dissemination');
    const r = await create(stc, 'dissemination', {
      org_id: ids.get('BTR.STC'),
      values: {
        document: '01-NQ/ĐUK (thử HTTP)',
        held_on: '2023-03-10',
        members_present: 40,
        members_total: '45',
        workers_reached: 1234,
        workers_total: '1.500',
      },
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.headers.get('location'), `/api/v1/records/${r.json.id}`);
    const rec = r.json;
    assert.equal(rec.org_id, ids.get('BTR.STC'));
    assert.equal(rec.org_code, 'BTR.STC');
    assert.equal(rec.type_code, 'dissemination');
    assert.equal(rec.date, '2023-03-10');
    assert.equal(rec.values.members_present, 40);
    assert.equal(rec.values.members_total, 45);
    assert.equal(rec.values.workers_total, 1500);
    assert.equal(rec.values.held_on, '2023-03-10');
    assert.equal(rec.values.document, '01-NQ/ĐUK (thử HTTP)');
    assert.equal(rec.display.held_on, '10/3/2023');
    assert.equal(rec.display.workers_reached, '1.234');

    const got = await stc.get(`/api/v1/records/${rec.id}`);
    assert.equal(got.status, 200, got.text);
    assert.deepEqual(got.json.values, rec.values);
    assert.equal(await totalOf(stc, 'dissemination'), before + 1);
    // The committee at the root sees it in the subtree of BTR.STC, by date.
    const list = await recordsOf(committee, 'dissemination',
      `?org_id=${ids.get('BTR.STC')}&from=2023-03-10&to=2023-03-10`);
    assert.equal(list.status, 200, list.text);
    assert.ok(list.json.items.some((x) => x.id === rec.id), list.text);
    assert.equal(list.json.withheld, 0);
  });

  it('refuses a bad record with every problem listed, and stores nothing', async () => {
    const before = await totalOf(committee, 'dissemination');
    const r = await create(stc, 'dissemination', {
      org_id: ids.get('BTR.STC'),
      values: {
        document: '02-NQ/ĐUK (thử lỗi)',
        held_on: '2026-03-10',
        members_present: 50,
        members_total: 45,
        workers_reached: 'nhiều',
      },
    });
    assert.equal(r.status, 422, r.text);
    assert.equal(r.json.error.key, 'record.invalid');
    const problems = r.json.error.problems;
    const has = (field, key) => problems.some((p) => p.field === field && p.key === key);
    assert.ok(has('workers_reached', 'record.not_number'), JSON.stringify(problems));
    assert.ok(has('held_on', 'record.outside_term'), JSON.stringify(problems));
    assert.ok(problems.some((p) => p.key === 'record.rule' && p.rule === 'R1'),
      JSON.stringify(problems));
    for (const p of problems) assert.ok(p.message.length > 0);
    assert.equal(await totalOf(committee, 'dissemination'), before);
  });

  it('refuses malformed bodies and values of the wrong JSON type', async () => {
    const id = types.get('dissemination').id;
    const nested = await create(stc, 'dissemination', {
      org_id: ids.get('BTR.STC'), values: { document: ['a'] },
    });
    assert.equal(nested.status, 400, nested.text);
    assert.equal(nested.json.error.key, 'json.wrong_type');
    const noOrg = await create(stc, 'dissemination', { values: {} });
    assert.equal(noOrg.status, 400, noOrg.text);
    assert.equal(noOrg.json.error.key, 'json.missing_field');
    const text = await stc.request('POST', `/api/v1/record-types/${id}/records`, {
      body: 'org_id=1', headers: { 'content-type': 'text/plain' },
    });
    assert.equal(text.status, 400, text.text);
    const badQuery = await recordsOf(stc, 'dissemination', '?format=xml');
    assert.equal(badQuery.status, 400, badQuery.text);
    assert.equal(badQuery.json.error.key, 'query.invalid');
  });

  it('lets neither a viewer nor a reporter of another organization write', async () => {
    const values = {
      document: '03-NQ/ĐUK', held_on: '2023-04-01', members_present: 10, members_total: 12,
    };
    const v = await create(viewer, 'dissemination', { org_id: ids.get('BTR.STC'), values });
    assert.equal(v.status, 403, v.text);
    assert.equal(v.json.error.key, 'role.denied');
    const s = await create(syt, 'dissemination', { org_id: ids.get('BTR.STC'), values });
    assert.equal(s.status, 403, s.text);
    assert.equal(s.json.error.key, 'scope.denied');
    // Nor import into it: the row names an organization outside the reporter's scope.
    const imp = await importCsv(syt, 'dissemination',
      'org,document,held_on,members_present,members_total\r\nBTR.STC,03-NQ/ĐUK,2023-04-01,10,12\r\n');
    assert.equal(imp.status, 422, imp.text);
    assert.equal(imp.json.added, 0);
    assert.equal(imp.json.problems[0].line, 2);
  });

  describe('a personal type (inspection)', () => {
    let record;

    before(async () => {
      const r = await create(committee, 'inspection', {
        org_id: ids.get('BTR.STC'),
        values: {
          activity: 'inspection',
          kind: 'Chuyên đề',
          subject_kind: 'member',
          subject_member: 'Nguyễn Văn Thử',
          start_on: '17/4/2023',
          end_on: '2023-04-28',
          violation: false,
          discipline: 'none',
        },
      });
      assert.equal(r.status, 201, r.text);
      record = r.json;
      inspection = record;
      assert.equal(record.values.kind.code, 'thematic');
      assert.equal(record.values.violation, false);
    });

    it('is read by the organization board and by the organization concerned', async () => {
      const c = await committee.get(`/api/v1/records/${record.id}`);
      assert.equal(c.status, 200, c.text);
      assert.equal(c.json.values.subject_member, 'Nguyễn Văn Thử');
      const s = await stc.get(`/api/v1/records/${record.id}`);
      assert.equal(s.status, 200, s.text);
    });

    it('is not read by a viewer nor by a reporter of another organization', async () => {
      const v = await viewer.get(`/api/v1/records/${record.id}`);
      assert.equal(v.status, 403, v.text);
      assert.equal(v.json.error.key, 'record.private');
      assert.ok(!v.text.includes('Nguyễn Văn Thử'));
      const s = await syt.get(`/api/v1/records/${record.id}`);
      assert.equal(s.status, 403, s.text);
      assert.equal(s.json.error.key, 'scope.denied');
      // The viewer's list withholds it and says so.
      const list = await recordsOf(viewer, 'inspection');
      assert.equal(list.status, 200, list.text);
      assert.equal(list.json.items.length, 0);
      assert.ok(list.json.withheld >= 1, list.text);
      assert.ok(!list.text.includes('Nguyễn Văn Thử'));
      const csv = await recordsOf(viewer, 'inspection', '?format=csv');
      assert.equal(csv.status, 200);
      assert.ok(!csv.text.includes('Nguyễn Văn Thử'));
    });

    it('writes every read to the audit log, without the values', async () => {
      const before = await admin.get('/api/v1/audit?entity=record_read&limit=1000');
      assert.equal(before.status, 200, before.text);
      const count = before.json.items.filter((e) => e.entity_id === String(record.id)).length;
      const read = await committee.get(`/api/v1/records/${record.id}`);
      assert.equal(read.status, 200, read.text);
      const after = await admin.get('/api/v1/audit?entity=record_read&limit=1000');
      const rows = after.json.items.filter((e) => e.entity_id === String(record.id));
      assert.equal(rows.length, count + 1, after.text);
      assert.equal(rows[0].username, 'bantochuc');
      assert.ok(!JSON.stringify(rows).includes('Nguyễn Văn Thử'));
      // A list showing it is audited too.
      await recordsOf(committee, 'inspection', `?org_id=${ids.get('BTR.STC')}`);
      const listed = await admin.get('/api/v1/audit?entity=record_read&limit=1000');
      assert.ok(listed.json.items.length > after.json.items.length, listed.text);
    });
  });

  describe('CSV import and export', () => {
    const header = 'org,document,held_on,members_present,members_total,workers_reached';

    it('imports nothing when one row is bad, and names every bad line', async () => {
      const before = await totalOf(stc, 'dissemination');
      const csv = [
        header,
        'BTR.STC,04-NQ/ĐUK,15/3/2023,20,25,100',
        'BTR.STC,04-NQ/ĐUK,16/3/2023,30,25,',
        'BTR.STC,04-NQ/ĐUK,ngày mai,20,25,',
        'BTR.XYZ,04-NQ/ĐUK,17/3/2023,20,25,',
      ].join('\r\n');
      const r = await importCsv(stc, 'dissemination', csv);
      assert.equal(r.status, 422, r.text);
      assert.equal(r.json.rows, 4);
      assert.equal(r.json.added, 0);
      const lines = [...new Set(r.json.problems.map((p) => p.line))];
      assert.deepEqual(lines, [3, 4, 5], r.text);
      assert.ok(r.json.problems.some((p) => p.line === 3 && p.key === 'record.rule'), r.text);
      assert.ok(r.json.problems.some((p) => p.line === 4 && p.field === 'held_on'), r.text);
      assert.ok(r.json.problems.some((p) => p.line === 5 && p.key === 'record.org_unknown'),
        r.text);
      assert.equal(await totalOf(stc, 'dissemination'), before);
    });

    it('reports a malformed CSV line and writes nothing', async () => {
      const csv = `${header}\r\nBTR.STC,"05-NQ/ĐUK,1/3/2023,1,2,\r\n`;
      const r = await importCsv(stc, 'dissemination', csv);
      assert.equal(r.status, 422, r.text);
      assert.ok(r.json.problems.some((p) => p.key === 'csv.malformed' && p.line === 2), r.text);
    });

    it('adds the rows once: the same file again adds nothing', async () => {
      const before = await totalOf(stc, 'dissemination');
      const csv = `${BOM}${header}\r\nBTR.STC,06-NQ/ĐUK,15/3/2023,20,25,100\r\n` +
        'BTR.STC.VP,06-NQ/ĐUK,2023-03-16,9,9,\r\n';
      const dry = await importCsv(stc, 'dissemination', csv, '?dry_run=1');
      assert.equal(dry.status, 200, dry.text);
      assert.equal(dry.json.dry_run, true);
      assert.equal(dry.json.added, 2);
      assert.equal(await totalOf(stc, 'dissemination'), before);
      const first = await importCsv(stc, 'dissemination', csv);
      assert.equal(first.status, 200, first.text);
      assert.deepEqual([first.json.rows, first.json.added, first.json.unchanged], [2, 2, 0]);
      const second = await importCsv(stc, 'dissemination', csv);
      assert.equal(second.status, 200, second.text);
      assert.deepEqual([second.json.rows, second.json.added, second.json.unchanged], [2, 0, 2]);
      assert.equal(await totalOf(stc, 'dissemination'), before + 2);
    });

    it('imports a JSON array of objects with typed values', async () => {
      const before = await totalOf(stc, 'dissemination');
      const rows = [{ org: 'BTR.STC', document: '07-NQ/ĐUK', held_on: '2023-05-02',
        members_present: 31, members_total: 33, workers_reached: null }];
      const r = await stc.post(`/api/v1/record-types/${types.get('dissemination').id}/import`,
        rows);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.added, 1);
      assert.equal(await totalOf(stc, 'dissemination'), before + 1);
      const notArray = await stc.post(
        `/api/v1/record-types/${types.get('dissemination').id}/import`, { org: 'BTR.STC' });
      assert.equal(notArray.status, 400, notArray.text);
    });

    it('exports CSV with a BOM and field labels, which imports back unchanged', async () => {
      const r = await recordsOf(stc, 'dissemination', `?format=csv&org_id=${ids.get('BTR.STC')}`);
      assert.equal(r.status, 200, r.text);
      assert.match(r.headers.get('content-type'), /^text\/csv/);
      assert.match(r.headers.get('content-disposition'), /attachment; filename="ho-so-dissemination\.csv"/);
      const raw = Buffer.from(await (await fetch(
        `${demo.url}/api/v1/record-types/${types.get('dissemination').id}/records?format=csv`,
        { headers: { cookie: stc.cookieHeader() } })).arrayBuffer());
      assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = r.text.replace(BOM, '').trim().split('\r\n');
      const head = lines[0];
      assert.ok(head.startsWith('Mã tổ chức,Tổ chức,"Văn bản được quán triệt, triển khai",'), head);
      for (const f of types.get('dissemination').fields) {
        assert.ok(head.includes(f.label), `${f.label} in ${head}`);
      }
      assert.ok(lines.some((l) => l.includes('10/3/2023') && l.includes('1.234')), r.text);
      const rows = lines.length - 1;
      assert.equal(Number(r.headers.get('x-total-count')), rows);
      assert.ok(rows >= 3);
      const back = await importCsv(stc, 'dissemination', r.text);
      assert.equal(back.status, 200, back.text);
      assert.deepEqual([back.json.rows, back.json.added, back.json.unchanged], [rows, 0, rows]);
    });
  });

  describe('record types', () => {
    const visit = {
      code: 'http_visit',
      name: 'Thăm hỏi đảng viên (thử HTTP)',
      description: 'Loại hồ sơ tạo trong kiểm thử',
      privacy: 'open',
      date_field: 'visited_on',
      fields: [
        { code: 'visited_on', label: 'Ngày thăm', type: 'date', required: true },
        { code: 'people', label: 'Số người', type: 'number', min: 0, whole: true },
      ],
      rules: [],
    };

    it('are created by the committee only', async () => {
      const denied = await stc.post('/api/v1/record-types', visit);
      assert.equal(denied.status, 403, denied.text);
      assert.equal(denied.json.error.key, 'role.denied');
      const bad = await committee.post('/api/v1/record-types', { ...visit, date_field: 'people' });
      assert.equal(bad.status, 400, bad.text);
      assert.equal(bad.json.error.key, 'record_type.date_field_invalid');
      const r = await committee.post('/api/v1/record-types', visit);
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.code, 'http_visit');
      assert.equal(r.json.versions.length, 1);
      assert.equal(r.json.fields[1].min, 0);
    });

    it('get a new version when records exist, and old records keep theirs', async () => {
      const list = await committee.get('/api/v1/record-types');
      const t = list.json.items.find((x) => x.code === 'http_visit');
      const rec = await committee.post(`/api/v1/record-types/${t.id}/records`,
        { org_id: ids.get('BTR'), values: { visited_on: '2023-02-01', people: 3 } });
      assert.equal(rec.status, 201, rec.text);
      const fields = [...t.fields, { code: 'note', label: 'Ghi chú', type: 'text' }];
      const r = await committee.request('PUT', `/api/v1/record-types/${t.id}`,
        { json: { name: t.name, fields } });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.versions.length, 2);
      assert.deepEqual(r.json.fields.map((f) => f.code), ['visited_on', 'people', 'note']);
      const old = await committee.get(`/api/v1/records/${rec.json.id}`);
      assert.equal(old.json.version, 1);
      const denied = await stc.request('PUT', `/api/v1/record-types/${t.id}`,
        { json: { name: t.name, fields } });
      assert.equal(denied.status, 403, denied.text);
    });
  });

  describe('pages', () => {
    it('lists the types with the personal badge', async () => {
      const r = await stc.get('/records');
      assert.equal(r.status, 200, r.text);
      assert.ok(r.text.includes('Hội nghị quán triệt, triển khai'));
      assert.ok(r.text.includes('Hồ sơ cá nhân'));
      assert.ok(r.text.includes('href="/records"'), 'the menu links the page');
    });

    it('shows the records of a type as a table, with the download links', async () => {
      const r = await stc.get('/records/dissemination');
      assert.equal(r.status, 200, r.text);
      assert.ok(r.text.includes('id="record-table"'));
      assert.ok(r.text.includes('10/3/2023'));
      assert.ok(r.text.includes('Thêm hồ sơ'));
      assert.ok(r.text.includes('format=csv'));
      const v = await viewer.get('/records/inspection');
      assert.equal(v.status, 200, v.text);
      assert.ok(v.text.includes('không hiển thị vì bạn không có quyền xem'), v.text);
      assert.ok(!v.text.includes('Nguyễn Văn Thử'));
      assert.ok(!v.text.includes('Thêm hồ sơ'));
      const missing = await stc.get('/records/khong_co');
      assert.equal(missing.status, 404);
    });

    it('shows the form again with each problem, then writes a good record', async () => {
      const form = await stc.get('/records/dissemination/new');
      assert.equal(form.status, 200, form.text);
      assert.ok(form.text.includes('name="f.members_present"'));
      assert.ok(form.text.includes('inputmode="decimal"'));
      assert.ok(form.text.includes('type="date"'));
      const before = await totalOf(stc, 'dissemination');
      const bad = await postForm(stc, '/records/dissemination/new', {
        org_id: String(ids.get('BTR.STC')),
        'f.document': '08-NQ/ĐUK <b>',
        'f.held_on': '2023-03-20',
        'f.members_present': '1.234,5',
        'f.members_total': '20',
      });
      assert.equal(bad.status, 422, bad.text);
      assert.ok(bad.text.includes('id="rf-members_present-error"'), bad.text);
      assert.ok(bad.text.includes('value="08-NQ/ĐUK &lt;b&gt;"'), 'the typed value, escaped');
      assert.ok(!bad.text.includes('<b>'));
      assert.equal(await totalOf(stc, 'dissemination'), before);
      const good = await postForm(stc, '/records/dissemination/new', {
        org_id: String(ids.get('BTR.STC')),
        'f.document': '08-NQ/ĐUK',
        'f.held_on': '2023-03-20',
        'f.members_present': '18',
        'f.members_total': '20',
      });
      assert.equal(good.status, 303, good.text);
      assert.equal(good.headers.get('location'), '/records/dissemination?created=1');
      assert.equal(await totalOf(stc, 'dissemination'), before + 1);
      const noCsrf = await stc.request('POST', '/records/dissemination/new', {
        body: 'org_id=1', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        csrf: false,
      });
      assert.equal(noCsrf.status, 403);
      const viewerForm = await viewer.get('/records/dissemination/new');
      assert.equal(viewerForm.status, 403);
    });

    it('imports a CSV file uploaded through the page, reporting its lines', async () => {
      const form = new FormData();
      form.append('_csrf', stc.csrf);
      form.append('file', new Blob(['org,document,held_on,members_present,members_total\r\n' +
        'BTR.STC,09-NQ/ĐUK,2023-03-21,5,4\r\n'], { type: 'text/csv' }), 'hồ sơ.csv');
      const r = await stc.request('POST', '/records/dissemination/import', { body: form, csrf: false });
      assert.equal(r.status, 422, r.text);
      assert.ok(r.text.includes('id="import-problems"'));
      assert.ok(r.text.includes('Chưa ghi hồ sơ nào'));
    });

    it('shows one record with its fields and deletes it', async () => {
      const created = await create(stc, 'dissemination', {
        org_id: ids.get('BTR.STC'),
        values: { document: '10-NQ/ĐUK', held_on: '2023-03-22', members_present: 7, members_total: 8 },
      });
      assert.equal(created.status, 201, created.text);
      const page = await stc.get(`/records/view/${created.json.id}`);
      assert.equal(page.status, 200, page.text);
      assert.ok(page.text.includes('Số đảng viên dự'));
      assert.ok(page.text.includes('22/3/2023'));
      assert.ok(page.text.includes('Phạm Thị Ngọc Hân'));
      const del = await postForm(stc, `/records/view/${created.json.id}/delete`, { confirm: '1' });
      assert.equal(del.status, 303, del.text);
      const gone = await stc.get(`/api/v1/records/${created.json.id}`);
      assert.equal(gone.status, 404, gone.text);
    });

    it('shows a personal record to the organization board only, saying the view is logged', async () => {
      const c = await committee.get(`/records/view/${inspection.id}`);
      assert.equal(c.status, 200, c.text);
      assert.ok(c.text.includes('Nguyễn Văn Thử'));
      assert.ok(c.text.includes('Chuyên đề'));
      assert.ok(c.text.includes('được ghi vào nhật ký'));
      const v = await viewer.get(`/records/view/${inspection.id}`);
      assert.equal(v.status, 403, v.text);
      assert.ok(!v.text.includes('Nguyễn Văn Thử'));
      const s = await syt.get(`/records/view/${inspection.id}`);
      assert.equal(s.status, 403, s.text);
    });
  });
});
