// The command line of issue 3: `nqtrack assess` from a database and from a resolution file, the
// resolution file's export/import round trip, and `import values` (all or nothing, every bad line
// named, idempotent).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { runCli, makeDemoDb } from '../lib/nqtrack.mjs';

const AS_OF = '2023-05-17';

function assessJson(args) {
  const r = runCli(['assess', '--as-of', AS_OF, '--format', 'json', ...args]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('nqtrack assess / export resolution / import resolution', () => {
  let demo;
  before(() => { demo = makeDemoDb(); });
  after(() => { if (demo) demo.cleanup(); });

  it('assesses the demo resolution at mid-term: 6 of 7, the enterprise target behind', () => {
    const a = assessJson(['--db', demo.db, '--resolution', '1']);
    assert.equal(a.as_of, AS_OF);
    assert.equal(a.final, false);
    assert.equal(a.total, 7);
    assert.equal(a.done, 6, JSON.stringify(a.targets.map((t) => [t.code, t.status])));
    assert.match(a.headline, /6\/7/);
    const mt5 = a.targets.find((t) => t.code === 'MT5');
    assert.ok(['behind', 'at_risk'].includes(mt5.status), mt5.explanation);
    for (const t of a.targets) {
      assert.ok(t.explanation.length > 20, `${t.code}: ${t.explanation}`);
      assert.equal(t.error, undefined, `${t.code}: ${t.error}`);
    }
    const mt3 = a.targets.find((t) => t.code === 'MT3');
    assert.ok(mt3.actual > mt3.expected, `${mt3.actual} vs ${mt3.expected}`);
  });

  it('prints a table with the headline and one explanation per target', () => {
    const r = runCli(['assess', '--db', demo.db, '--resolution', '1', '--as-of', AS_OF]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Hoàn thành 6\/7 mục tiêu/);
    assert.match(r.stdout, /tính đến ngày 17\/5\/2023/);
    for (let i = 1; i <= 7; ++i) assert.match(r.stdout, new RegExp(`^MT${i}: `, 'm'));
  });

  it('gives the same assessment from the exported file, without a database', () => {
    const file = path.join(demo.dir, 'nq01.json');
    const r = runCli(['export', 'resolution', '1', '--db', demo.db, '-o', file]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(doc.format, 'nqtrack.resolution');
    assert.equal(doc.targets.length, 7);
    assert.ok(doc.values.length > 10000, `${doc.values.length} values`);
    const fromDb = assessJson(['--db', demo.db, '--resolution', '1']);
    const fromFile = assessJson(['--file', file]);
    assert.deepEqual(fromFile.targets, fromDb.targets);
    assert.equal(fromFile.headline, fromDb.headline);
    // A grassroots organization sees its own share.
    const own = assessJson(['--file', file, '--org', 'BTR.SYT']);
    assert.equal(own.org.code, 'BTR.SYT');
    assert.notDeepEqual(own.targets.map((t) => t.actual), fromFile.targets.map((t) => t.actual));
  });

  it('imports the file into an empty database, idempotently, with the same assessment', () => {
    const file = path.join(demo.dir, 'nq01.json');
    const other = `sqlite:${path.join(demo.dir, 'other.db')}`;
    const first = runCli(['import', 'resolution', file, '--db', other]);
    assert.equal(first.code, 0, first.stderr);
    const second = runCli(['import', 'resolution', file, '--db', other]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /số liệu: 0 mới, 0 thay đổi/);
    const fromFile = assessJson(['--file', file]);
    const fromOther = assessJson(['--db', other, '--resolution', '1']);
    assert.deepEqual(fromOther.targets, fromFile.targets);
  });

  it('refuses a bad file, naming each problem by its path', () => {
    const file = path.join(demo.dir, 'bad.json');
    const doc = JSON.parse(readFileSync(path.join(demo.dir, 'nq01.json'), 'utf8'));
    doc.values[3].period = '2023M13';
    doc.targets[0].kind = 'sometimes';
    writeFileSync(file, JSON.stringify(doc));
    const r = runCli(['assess', '--file', file, '--as-of', AS_OF]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /values\[3\]\.period/);
    assert.match(r.stderr, /targets\[0\]\.kind/);
  });

  it('refuses usage mistakes with exit code 2', () => {
    for (const args of [['assess'], ['assess', '--file', 'x.json', '--resolution', '1'],
                        ['assess', '--file', 'x.json', '--as-of', '17/5/2023'],
                        ['assess', '--file', 'x.json', '--format', 'xml']]) {
      const r = runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^Lỗi: /m);
    }
  });
});

describe('nqtrack import values', () => {
  let demo;
  before(() => { demo = makeDemoDb(); });
  after(() => { if (demo) demo.cleanup(); });

  const exportValues = () => {
    const r = runCli(['export', 'resolution', '1', '--db', demo.db]);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout).values;
  };

  it('imports nothing from a file with bad rows and names every bad line', () => {
    const file = path.join(demo.dir, 'bad.csv');
    writeFileSync(file,
      'org,element,period,value\n' +
      'BTR.STC,new_members,2023M05,3\n' +          // good (a draft report)
      'BTR.KHONGCO,new_members,2023M05,1\n' +      // unknown organization
      'BTR.STC,new_members,2023,1\n' +             // a year for a monthly element
      'BTR.STC,meeting_attendance,2023M05,120\n' + // above 100%
      'BTR.STC,new_members,2023M05,ba\n');         // not a number
    const before = exportValues();
    const r = runCli(['import', 'values', file, '--db', demo.db]);
    assert.equal(r.code, 1, r.stdout);
    for (const line of [3, 4, 5, 6]) assert.match(r.stderr, new RegExp(`dòng ${line}: `), r.stderr);
    assert.doesNotMatch(r.stderr, /dòng 2: /);
    assert.deepEqual(exportValues(), before);
  });

  it('imports a good file once; the same file again changes nothing', () => {
    const file = path.join(demo.dir, 'good.json');
    writeFileSync(file, JSON.stringify({ values: [
      { org: 'BTR.STC', element: 'new_members', period: '2023M05', value: 2 },
      { org: 'BTR.STC', element: 'meeting_attendance', period: '2023M05', value: '91,5',
        estimate: true },
    ] }));
    const first = runCli(['import', 'values', file, '--db', demo.db]);
    assert.equal(first.code, 0, first.stderr);
    const afterFirst = exportValues();
    const v = afterFirst.find((x) => x.org === 'BTR.STC' && x.element === 'meeting_attendance' &&
                                     x.period === '2023M05');
    assert.equal(v.value, 91.5);
    assert.equal(v.estimate, true);
    const second = runCli(['import', 'values', file, '--db', demo.db]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /0 giá trị mới, 0 giá trị thay đổi, 2 giá trị giữ nguyên/);
    assert.deepEqual(exportValues(), afterFirst);
  });
});
