// The command line of the real binary: help and usage errors, and the organization CSV import
// (all-or-nothing, every bad line reported, idempotent) and export (round-trips with import).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { runCli, tempDir, makeDemoDb } from '../lib/nqtrack.mjs';

describe('nqtrack command line', () => {
  it('prints help for the program and every sub-command', () => {
    const top = runCli(['--help']);
    assert.equal(top.code, 0, top.stderr);
    for (const name of ['init', 'demo', 'serve', 'user', 'import', 'export']) {
      assert.match(top.stdout, new RegExp(`\\b${name}\\b`));
    }
    const subs = [['init'], ['demo'], ['serve'], ['user'], ['user', 'add'], ['user', 'passwd'],
                  ['user', 'list'], ['user', 'disable'], ['import'], ['import', 'orgs'],
                  ['export'], ['export', 'orgs']];
    for (const sub of subs) {
      const r = runCli([...sub, '--help']);
      assert.equal(r.code, 0, `${sub.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout, /Usage:/, sub.join(' '));
    }
  });

  it('exits with 2 and a Vietnamese message on usage errors', () => {
    for (const args of [['frobnicate'], [], ['user', 'frob'], ['serve', '--port', 'abc'],
                        ['user', 'add', 'an']]) {
      const r = runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout} ${r.stderr}`);
      assert.match(r.stderr, /^Lỗi: /m, args.join(' '));
    }
  });

  it('exits with 1 on a failure such as a missing database file', () => {
    const t = tempDir();
    try {
      const r = runCli(['user', 'list', '--db', `sqlite:${path.join(t.dir, 'none.db')}`]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^Lỗi: /m);
    } finally {
      t.cleanup();
    }
  });
});

describe('nqtrack import orgs / export orgs', () => {
  let demo;
  const header = 'code,name,kind,sector,parent_code,members,workers,valid_from,sort_order\n';
  const exportCsv = (db) => {
    const r = runCli(['export', 'orgs', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };

  before(() => { demo = makeDemoDb(); });
  after(() => { if (demo) demo.cleanup(); });

  it('reports every bad line of a CSV file and imports nothing', () => {
    const file = path.join(demo.dir, 'bad.csv');
    writeFileSync(file, header +
      'BTR.NEW1,Chi bộ Công ty TNHH Mới Một,base_cell,non_state_enterprise,BTR,5,40,2024-03-01,\n' +
      'BTR.NEW2,Chi bộ Công ty TNHH Mới Hai,base_cell,doanh_nghiep,BTR,5,40,,\n' +
      'BTR.NEW3,Chi bộ Công ty TNHH Mới Ba,base_cell,non_state_enterprise,BTR,năm,40,,\n' +
      '"BTR.NEW4","Chi bộ Công ty ""Bốn"", chi nhánh",base_cell,non_state_enterprise,BTR,5,40,,\n' +
      'BTR.NEW5,Chi bộ Công ty TNHH Mới Năm,base_cell,non_state_enterprise,BTR,5,40,31/02/2024,\n');
    const before = exportCsv(demo.db);
    const r = runCli(['import', 'orgs', file, '--db', demo.db]);
    assert.equal(r.code, 1, r.stdout);
    for (const line of [3, 4, 6]) assert.match(r.stderr, new RegExp(`dòng ${line}: `), r.stderr);
    for (const line of [2, 5]) assert.doesNotMatch(r.stderr, new RegExp(`dòng ${line}: `));
    assert.equal(exportCsv(demo.db), before);
  });

  it('rejects a file that is not UTF-8, naming the line', () => {
    const file = path.join(demo.dir, 'latin1.csv');
    writeFileSync(file, Buffer.concat([
      Buffer.from(header + 'BTR.L1,Chi b'), Buffer.from([0xf4]), Buffer.from(',base_cell,,BTR,,,,\n'),
    ]));
    const before = exportCsv(demo.db);
    const r = runCli(['import', 'orgs', file, '--db', demo.db]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /dòng 2: .*UTF-8/);
    assert.equal(exportCsv(demo.db), before);
  });

  it('imports a good file once: a second import changes nothing', () => {
    const file = path.join(demo.dir, 'good.csv');
    writeFileSync(file, '\ufeff' + header +
      'BTR.NEW1,Chi bộ Công ty TNHH Mới Một,base_cell,non_state_enterprise,BTR,5,40,2024-03-01,\r\n' +
      '"BTR.NEW4","Chi bộ Công ty ""Bốn"", chi nhánh",base_cell,non_state_enterprise,BTR,6,41,,\r\n' +
      'BTR.STC,Đảng bộ Sở Tài chính,,,BTR,,,,\r\n');
    const first = runCli(['import', 'orgs', file, '--db', demo.db]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /\b2 tổ chức được tạo mới hoặc thay đổi/);
    const afterFirst = exportCsv(demo.db);
    assert.match(afterFirst, /\r\nBTR\.NEW4,"Chi bộ Công ty ""Bốn"", chi nhánh",base_cell,/);

    const second = runCli(['import', 'orgs', file, '--db', demo.db]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /\b0 tổ chức được tạo mới hoặc thay đổi/);
    assert.equal(exportCsv(demo.db), afterFirst);
  });

  it('round-trips: an export imported into an empty database exports the same', () => {
    const out = path.join(demo.dir, 'export.csv');
    const r = runCli(['export', 'orgs', '--db', demo.db, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(out, 'utf8');
    assert.equal(text, exportCsv(demo.db));
    assert.ok(text.split('\r\n').length > 200);

    const other = `sqlite:${path.join(demo.dir, 'copy.db')}`;
    const imp = runCli(['import', 'orgs', out, '--db', other]);
    assert.equal(imp.code, 0, imp.stderr);
    assert.equal(exportCsv(other), text);
    // And importing the export into its own database changes nothing.
    const same = runCli(['import', 'orgs', out, '--db', demo.db]);
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stdout, /\b0 tổ chức được tạo mới hoặc thay đổi/);
  });
});
