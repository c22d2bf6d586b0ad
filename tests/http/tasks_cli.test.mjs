// `nqtrack import tasks` / `nqtrack export tasks` on the demo database (docs/formats.md, "Tasks"),
// and the demo's assigned tasks as of the mid-term review date.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { runCli, makeDemoDb } from '../lib/nqtrack.mjs';

const AS_OF = '2023-05-17';

describe('nqtrack import tasks / export tasks', () => {
  let demo;
  const exportJson = (db, extra = []) => {
    const r = runCli(['export', 'tasks', '--db', db, '--as-of', AS_OF, '--format', 'json', ...extra]);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout);
  };
  const importTasks = (file, id = 2) => runCli(['import', 'tasks', file, '--resolution', String(id),
    '--db', demo.db]);

  before(() => { demo = makeDemoDb(); });
  after(() => { if (demo) demo.cleanup(); });

  it('the demo shows 18 documents, 11 projects and every state on the review date', () => {
    const all = exportJson(demo.db);
    assert.deepEqual(all.resolutions.map((r) => r.number), ['01-NQ/ĐUK', '01-NQ/ĐH']);
    const province = all.resolutions[1];
    const products = province.assigned_tasks.map((t) => t.product);
    assert.equal(products.filter((p) => p === 'document').length, 18);
    assert.equal(products.filter((p) => p === 'project').length, 11);
    const total = {
      done_on_time: 0, done_late: 0, open_in_time: 0, overdue: 0, not_assigned: 0, assigned: 0,
    };
    for (const r of all.resolutions) {
      assert.deepEqual(Object.keys(r.counts), Object.keys(total));
      for (const [state, n] of Object.entries(r.counts)) total[state] += n;
    }
    assert.equal(total.not_assigned, 0);
    // The bloc's 20 tasks and the province's 29, all assigned by the review date.
    assert.equal(total.assigned, 49);
    assert.equal(total.done_on_time + total.done_late + total.open_in_time + total.overdue, 49);
    for (const s of ['done_late', 'open_in_time', 'overdue']) {
      assert.ok(total[s] > 0, s);
      assert.ok(total.done_on_time > total[s], `${s}: ${JSON.stringify(total)}`);
    }
    // The plan 05-KH/ĐUK was issued on 10/12/2020 for a deadline of 31/12/2020.
    const plan = province.assigned_tasks.find((t) => t.document && t.document.number === '05-KH/ĐUK');
    assert.equal(plan.state, 'done_on_time');
    assert.equal(plan.document.issued, '2020-12-10');
  });

  it('an export imported back changes nothing (CSV and JSON)', () => {
    for (const format of ['csv', 'json']) {
      const file = path.join(demo.dir, `tasks.${format}`);
      const r = runCli(['export', 'tasks', '--db', demo.db, '--resolution', '2', '--as-of', AS_OF,
        '--format', format, '-o', file]);
      assert.equal(r.code, 0, r.stderr);
      const again = importTasks(file);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /0 nhiệm vụ mới, 0 thay đổi, 29 giữ nguyên/, format);
    }
    const csv = readFileSync(path.join(demo.dir, 'tasks.csv'), 'utf8');
    assert.match(csv, /^\ufeffma,ten,don_vi_chu_tri,/);
    assert.match(csv, /,Văn bản cụ thể hóa,05-KH\/ĐUK,10\/12\/2020,10\/12\/2020,100,,,Hoàn thành đúng hạn,01-NQ\/ĐH\r\n/);
  });

  it('lists every bad row with its line and imports nothing', () => {
    const before = exportJson(demo.db, ['--resolution', '2']);
    const file = path.join(demo.dir, 'bad.csv');
    writeFileSync(file,
      'ma,ten,don_vi_chu_tri,ngay_giao,han,dinh_ky,tien_do,nhiem_vu_cha\n' +
      'M1,Nhiệm vụ tốt,BTR.STC,2023-05-01,30/6/2023,,,\n' +
      'M2,Hạn trước ngày giao,BTR.STC,2023-05-01,30/4/2023,,,\n' +
      'M3,Đơn vị không có,BTR.KHONGCO,2023-05-01,30/6/2023,,,\n' +
      'M4,Định kỳ sai,BTR.STC,2023-05-01,,hằng tuần,,\n' +
      'M5,Cha không có,BTR.STC,2023-05-01,30/6/2023,,,M9\n');
    const r = importTasks(file);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /dòng 5: định kỳ không hợp lệ/);
    const fixed = file.replace('bad', 'bad2');
    writeFileSync(fixed, readFileSync(file, 'utf8').replace('hằng tuần', 'hằng quý'));
    const r2 = importTasks(fixed);
    assert.equal(r2.code, 1, r2.stdout);
    for (const line of [3, 4, 6]) assert.match(r2.stderr, new RegExp(`dòng ${line}: `), r2.stderr);
    for (const line of [2, 5]) assert.doesNotMatch(r2.stderr, new RegExp(`dòng ${line}: `));
    assert.deepEqual(exportJson(demo.db, ['--resolution', '2']), before);
  });

  it('imports new tasks once, then a second run changes nothing and an edit updates one', () => {
    const file = path.join(demo.dir, 'new.csv');
    const text =
      'ma,ten,don_vi_chu_tri,don_vi_phoi_hop,ngay_giao,han,dinh_ky,san_pham,nhiem_vu_dot_pha,nhiem_vu_cha\n' +
      'K1,Kế hoạch thực hiện Chỉ thị về kinh tế số,BTR.STTTT,BTR.CNTT;BTR.SKHCN,15/5/2023,30/9/2023,,văn bản,,\n' +
      'K2,Báo cáo quý kinh tế số,BTR.CNTT,,15/5/2023,,Hằng quý,báo cáo,,K1\n';
    writeFileSync(file, text);
    const first = importTasks(file);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /2 nhiệm vụ mới, 0 thay đổi, 0 giữ nguyên/);
    const second = importTasks(file);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /0 nhiệm vụ mới, 0 thay đổi, 2 giữ nguyên/);
    writeFileSync(file, text.replace('30/9/2023', '31/10/2023'));
    const edited = importTasks(file);
    assert.equal(edited.code, 0, edited.stderr);
    assert.match(edited.stdout, /0 nhiệm vụ mới, 1 thay đổi, 1 giữ nguyên/);
    const tasks = exportJson(demo.db, ['--resolution', '2']).resolutions[0].assigned_tasks;
    const k1 = tasks.find((t) => t.title.startsWith('Kế hoạch thực hiện Chỉ thị'));
    const k2 = tasks.find((t) => t.title === 'Báo cáo quý kinh tế số');
    assert.equal(k1.deadline.due, '2023-10-31');
    assert.deepEqual(k1.cooperating, ['BTR.CNTT', 'BTR.SKHCN']);
    assert.equal(k2.parent, k1.ref);
    assert.equal(k2.deadline.recurrence, 'quarterly');
    assert.equal(k2.state, 'open_in_time');
  });

  it('carries the tasks in the resolution file into another database', () => {
    const file = path.join(demo.dir, 'nq-tinh.json');
    const exp = runCli(['export', 'resolution', '2', '--db', demo.db, '-o', file]);
    assert.equal(exp.code, 0, exp.stderr);
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(bundle.assigned_tasks.length, 31);  // the demo's 29 and the two imported above
    const other = `sqlite:${path.join(demo.dir, 'other.db')}`;
    const imp = runCli(['import', 'resolution', file, '--db', other]);
    assert.equal(imp.code, 0, imp.stderr);
    assert.match(imp.stdout, /nhiệm vụ được giao: 31 mới, 0 thay đổi, 0 giữ nguyên/);
    const strip = (r) => r.assigned_tasks.map(({ ref, parent, ...t }) => t);
    const copied = exportJson(other).resolutions[0];
    const original = exportJson(demo.db, ['--resolution', '2']).resolutions[0];
    assert.deepEqual(copied.counts, original.counts);
    assert.deepEqual(strip(copied), strip(original));
    // The states without a database are the same.
    const fromFile = runCli(['export', 'tasks', '--file', file, '--as-of', AS_OF, '--format', 'json']);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.deepEqual(JSON.parse(fromFile.stdout).resolutions[0].counts, original.counts);
  });
});
