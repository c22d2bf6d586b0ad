// Reported data against the real binary over a fresh demo database: definitions through the API,
// the report form, values (scope, bad input, all or nothing), submit / approve / reopen with
// locking, the completeness board, and the entry pages with their CSRF field.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startDemo, signedIn, orgIdsByCode } from '../lib/nqtrack.mjs';

describe('reported data', () => {
  let demo;
  let ids;        // organization id by code
  let committee;  // bantochuc: committee role at the root
  let stc;        // baocao.stc: reporter of BTR.STC
  let total;      // element ids
  let present;
  let rate;
  let set;        // the data set created here

  const period = '2023M05';
  const form = (org) => `/api/v1/data-sets/${set.id}/form?org=${ids.get(org)}&period=${period}`;
  const report = (org, step) => `/api/v1/reports/${ids.get(org)}/${set.id}/${period}/${step}`;
  const value = (org, element, v) => ({ org_id: ids.get(org), element_id: element, period, value: v });
  const stored = async (org, element) => {
    const r = await committee.get(
      `/api/v1/data-values?root=${ids.get(org)}&element=${element}&periods=${period}`);
    assert.equal(r.status, 200, r.text);
    const own = r.json.items.filter((v) => v.org_id === ids.get(org));
    return own.length ? own[0].value : null;
  };

  before(async () => {
    demo = await startDemo();
    committee = await signedIn(demo.url, 'bantochuc');
    stc = await signedIn(demo.url, 'baocao.stc');
    ids = await orgIdsByCode(committee);

    const element = async (body) => {
      const r = await committee.post('/api/v1/data-elements', { period_type: 'monthly', ...body });
      assert.equal(r.status, 201, r.text);
      return r.json.id;
    };
    total = await element({ code: 'e2e_total', name: 'Tổng số đảng viên (thử)', min: 0 });
    present = await element({ code: 'e2e_present', name: 'Số đảng viên dự họp (thử)', min: 0 });
    rate = await element({ code: 'e2e_rate', name: 'Tỷ lệ dự họp (thử)', type: 'percent' });
    const r = await committee.post('/api/v1/data-sets', {
      code: 'E2E-THANG',
      name: 'Biểu mẫu thử hằng tháng',
      period_type: 'monthly',
      element_ids: [total, present, rate],
      reporting_kinds: ['bloc_committee', 'base_committee', 'base_cell', 'sub_cell'],
      deadline_days: 10,
      rules: [{ code: 'R1', condition: 'e2e_present <= e2e_total',
                message: 'Số dự họp không được lớn hơn tổng số' }],
    });
    assert.equal(r.status, 201, r.text);
    set = r.json;
  });

  after(async () => {
    if (demo) await demo.close();
  });

  it('lets only committees define elements and data sets', async () => {
    const r = await stc.post('/api/v1/data-elements', { code: 'e2e_x', name: 'Không được' });
    assert.equal(r.status, 403, r.text);
    assert.equal(r.json.error.key, 'role.denied');
    const list = await stc.get('/api/v1/data-sets');
    assert.equal(list.status, 200, list.text);
    assert.ok(list.json.items.some((s) => s.code === 'E2E-THANG'));
    const taken = await committee.post('/api/v1/data-elements', { code: 'e2e_total', name: 'Trùng' });
    assert.equal(taken.status, 409, taken.text);
  });

  it('gives a reporter its own form and refuses another organization', async () => {
    const own = await stc.get(form('BTR.STC'));
    assert.equal(own.status, 200, own.text);
    assert.equal(own.json.period_label, 'Tháng 5/2023');
    assert.equal(own.json.report.state, 'draft');
    assert.equal(own.json.editable, true);
    assert.deepEqual(own.json.elements.map((e) => e.id), [total, present, rate]);

    const other = await stc.get(form('BTR.SYT'));
    assert.equal(other.status, 403, other.text);
    const write = await stc.post('/api/v1/data-values', { values: [value('BTR.SYT', total, '5')] });
    assert.equal(write.status, 403, write.text);
    assert.equal(await stored('BTR.SYT', total), null);
  });

  it('refuses bad values and writes all or nothing', async () => {
    const notNumber = await stc.post('/api/v1/data-values',
                                     { values: [value('BTR.STC', total, 'nhiều')] });
    assert.equal(notNumber.status, 400, notNumber.text);
    assert.equal(notNumber.json.error.key, 'value.not_number');
    const mixed = await stc.post('/api/v1/data-values', {
      values: [value('BTR.STC', total, '40'), value('BTR.STC', rate, 120)],
    });
    assert.equal(mixed.status, 400, mixed.text);
    assert.equal(mixed.json.error.key, 'value.out_of_range');
    assert.equal(await stored('BTR.STC', total), null);
    const noCsrf = await stc.post('/api/v1/data-values', { values: [value('BTR.STC', total, '40')] },
                                  { csrf: false });
    assert.equal(noCsrf.status, 403, noCsrf.text);
    assert.equal(await stored('BTR.STC', total), null);

    const ok = await stc.post('/api/v1/data-values', {
      values: [value('BTR.STC', total, '1.234'), value('BTR.STC', rate, 92.5)],
    });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.items[0].value.text, '1.234');
    assert.equal(ok.json.items[1].value.text, '92,5');
    assert.equal(await stored('BTR.STC', total), 1234);
  });

  it('submits, locks, approves and reopens a report', async () => {
    const broken = await stc.post('/api/v1/data-values',
                                  { values: [value('BTR.STC', present, '2.000')] });
    assert.equal(broken.status, 200, broken.text);
    assert.equal(broken.json.items[0].violations[0].code, 'R1');
    const refused = await stc.post(report('BTR.STC', 'submit'));
    assert.equal(refused.status, 400, refused.text);
    assert.equal(refused.json.error.key, 'report.rules');

    assert.equal((await stc.post('/api/v1/data-values',
                                 { values: [value('BTR.STC', present, '1.000')] })).status, 200);
    const submitted = await stc.post(report('BTR.STC', 'submit'));
    assert.equal(submitted.status, 200, submitted.text);
    assert.equal(submitted.json.state, 'submitted');
    const locked = await stc.post('/api/v1/data-values', { values: [value('BTR.STC', total, '7')] });
    assert.equal(locked.status, 409, locked.text);
    assert.equal(locked.json.error.key, 'value.locked');

    assert.equal((await stc.post(report('BTR.STC', 'approve'))).status, 403);
    const approved = await committee.post(report('BTR.STC', 'approve'));
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.json.state, 'approved');

    const board = await committee.get(
      `/api/v1/data-sets/${set.id}/completeness?period=${period}&root=${ids.get('BTR')}`);
    assert.equal(board.status, 200, board.text);
    assert.equal(board.json.expected, board.json.rows.length);
    assert.equal(board.json.on_time + board.json.late + board.json.missing + board.json.not_due,
                 board.json.expected);
    const row = board.json.rows.find((x) => x.org.code === 'BTR.STC');
    assert.equal(row.state, 'approved');
    assert.equal(row.timeliness, 'late');  // submitted years after 10/6/2023
    assert.equal(row.values, 3);

    const reopened = await committee.post(report('BTR.STC', 'reopen'));
    assert.equal(reopened.status, 200, reopened.text);
    assert.equal(reopened.json.state, 'draft');
  });

  it('serves the entry form and saves a value from it', async () => {
    const path = `/entry?org=${ids.get('BTR.STC')}&set=${set.id}&period=${period}`;
    const page = await stc.get(path);
    assert.equal(page.status, 200, page.text);
    assert.match(page.text, /hx-post="\/entry\/value"/);
    assert.match(page.text, /Biểu mẫu thử hằng tháng/);
    assert.match(page.text, /Gửi báo cáo/);
    assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);

    const fields = (v, csrf = stc.csrf) => new URLSearchParams({
      _csrf: csrf, org: String(ids.get('BTR.STC')), set: String(set.id), period,
      element: String(total), value: v, comment: '',
    }).toString();
    const send = (body) => stc.request('POST', '/entry/value', {
      body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'hx-request': 'true' },
    });
    const saved = await send(fields('1.500'));
    assert.equal(saved.status, 200, saved.text);
    assert.match(saved.text, /Đã lưu/);
    assert.equal(await stored('BTR.STC', total), 1500);
    const bad = await send(fields('một nghìn'));
    assert.equal(bad.status, 400, bad.text);
    assert.match(bad.text, /text-danger/);
    const forged = await send(fields('9', 'x'.repeat(64)));
    assert.equal(forged.status, 403, forged.text);
    assert.equal(await stored('BTR.STC', total), 1500);

    const other = await stc.get(`/entry?org=${ids.get('BTR.SYT')}&set=${set.id}&period=${period}`);
    assert.equal(other.status, 403);
  });

  it('shows the completeness board and the definitions', async () => {
    const board = await committee.get(`/completeness?set=${set.id}&period=${period}`);
    assert.equal(board.status, 200, board.text);
    for (const text of ['Tình hình báo cáo', 'Đúng hạn', 'Trễ hạn', 'Chưa báo cáo', 'Tháng 5/2023']) {
      assert.ok(board.text.includes(text), text);
    }
    const sets = await stc.get('/data-sets');
    assert.equal(sets.status, 200);
    assert.ok(sets.text.includes('Biểu mẫu thử hằng tháng'));
    const def = await committee.get(`/data-sets/${set.id}`);
    assert.equal(def.status, 200);
    assert.ok(def.text.includes('e2e_present &lt;= e2e_total'));
  });
});
