// The review of issue 6 from the command line: `nqtrack review` on the demo database as of
// 17/5/2023 — the JSON reads like the reference scenario (6 of 7 targets, the 4 breakthrough
// tasks, the provincial resolution's 18 documents and 11 projects, limitations found from data);
// the DOCX opens in LibreOffice (converted to PDF) and the PDF of our own writer reads back with
// poppler: header block, title and target table. PNGs of the first two pages of both are kept in
// var/review/ to be looked at.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

import { runCli, makeDemoDb, tempDir, repoRoot } from '../lib/nqtrack.mjs';

const AS_OF = '2023-05-17';
const artifacts = path.join(repoRoot, 'var', 'review');

function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function keepPages(pdf, name) {
  mkdirSync(artifacts, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf,
    path.join(artifacts, name)]);
}

// What the first pages of the demo review must show, whichever writer laid them out.
function assertReportText(text) {
  const flat = text.replace(/\s+/g, ' ');
  for (const s of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG BỘ TỈNH BẾN TRE', 'Bến Tre, ngày 17 tháng 5 năm 2023',
    'BÁO CÁO', 'Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết số 01-NQ/ĐUK',
    'I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT', 'Tính đến ngày 17/5/2023, hoàn thành 6/7 mục tiêu',
    'Chỉ tiêu', 'Đánh giá', 'KHÓ ĐẠT', 'II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN',
    'III. BÀI HỌC KINH NGHIỆM', 'T/M BAN THƯỜNG VỤ', 'Nơi nhận:']) {
    assert.ok(flat.includes(s), `"${s}" is not in the text`);
  }
}

describe('nqtrack review', () => {
  let demo;
  let tmp;
  before(() => {
    demo = makeDemoDb();
    tmp = tempDir();
  });
  after(() => {
    if (demo) demo.cleanup();
    if (tmp) tmp.cleanup();
  });

  const review = (...args) => runCli(['review', '--db', demo.db, '--resolution', '1',
    ...(args.includes('--as-of') ? [] : ['--as-of', AS_OF]), ...args]);

  it('writes the mid-term review of the demo as the reference scenario tells it', () => {
    const r = review('--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.kind, 'midterm');
    assert.equal(j.headline, 'Hoàn thành 6/7 mục tiêu');
    assert.equal(j.breakthrough_tasks.filter((b) => b.kind === 'breakthrough').length, 4);
    for (const b of j.breakthrough_tasks) assert.ok(b.tasks.length > 0, b.title);
    assert.deepEqual(j.task_sections.map((s) => s.resolution.number), ['01-NQ/ĐUK', '01-NQ/ĐH']);
    const provincial = j.task_sections[1];
    assert.equal(provincial.documents.length, 18);
    assert.equal(provincial.projects.length, 11);
    const total = j.task_sections.reduce((n, s) => n + s.counts.assigned, 0);
    assert.equal(total, 49);
    const kinds = j.findings.map((f) => f.kind);
    assert.ok(kinds.includes('tasks_overdue') && kinds.includes('late_reporting'), kinds.join());
    const risk = j.findings.find((f) => f.kind === 'targets_at_risk' || f.kind === 'targets_behind');
    assert.deepEqual(risk.evidence.map((e) => e.code), ['MT5']);
    const overdue = j.task_sections.flatMap((s) => s.overdue).length;
    assert.equal(j.findings.find((f) => f.kind === 'tasks_overdue').evidence.length, overdue);
    assert.deepEqual(j.needing_action, ['MT5']);
  });

  it('writes a DOCX that LibreOffice opens and converts', () => {
    const docx = path.join(tmp.dir, 'so-ket.docx');
    const r = review('--format', 'docx', '-o', docx, '--place', 'Bến Tre', '--superior',
      'ĐẢNG BỘ TỈNH BẾN TRE');
    assert.equal(r.code, 0, r.stderr);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp.dir}/lo-profile`,
      '--convert-to', 'pdf', '--outdir', tmp.dir, docx], { stdio: 'pipe', timeout: 120000 });
    const pdf = path.join(tmp.dir, 'so-ket.pdf');
    assert.ok(existsSync(pdf), 'LibreOffice wrote no PDF');
    assertReportText(pdfText(pdf));
    keepPages(pdf, 'review-docx');
  });

  it('writes a PDF whose text has the header block, the title and the target table', () => {
    const pdf = path.join(tmp.dir, 'so-ket-own.pdf');
    const r = review('--format', 'pdf', '-o', pdf, '--place', 'Bến Tre', '--superior',
      'ĐẢNG BỘ TỈNH BẾN TRE');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    assertReportText(pdfText(pdf));
    keepPages(pdf, 'review-pdf');
  });

  it('refuses bad requests with a clear message and writes nothing', () => {
    const outside = review('--as-of', '2025-08-01');
    assert.equal(outside.code, 1);
    assert.match(outside.stderr, /nằm ngoài Nhiệm kỳ 2020 - 2025/);
    const org = review('--org', 'KHONG.CO');
    assert.equal(org.code, 1);
    assert.match(org.stderr, /Không có tổ chức mã KHONG\.CO/);
    const noFile = review('--format', 'docx');
    assert.notEqual(noFile.code, 0);
    assert.match(noFile.stderr, /-o/);
    const both = runCli(['review', '--db', demo.db, '--as-of', AS_OF]);
    assert.notEqual(both.code, 0);
    assert.match(both.stderr, /--file TỆP hoặc --resolution/);
  });
});
