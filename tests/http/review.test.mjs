// The review of issue 6 from the command line: `nqtrack review` on the demo database as of
// 17/5/2023 — the JSON reads like the reference scenario (6 of 7 targets, the 4 breakthrough
// tasks, the provincial resolution's 18 documents and 11 projects, limitations found from data);
// the DOCX opens in LibreOffice (converted to PDF) and the PDF of our own writer reads back with
// poppler: header block, title and target table; the XLSX annex converts to CSV in LibreOffice
// with the targets' numbers. PNGs of the first two pages of both PDFs, and the annex with its
// CSV, are kept in var/review/ to be looked at.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, copyFileSync } from 'node:fs';
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

// The rows of a CSV file as LibreOffice writes it (fields quoted with '"' when needed).
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

// A number as LibreOffice shows it in the C/en-US locale the conversion runs in ("1,300",
// "92.3", "≥ 1,300"): grouping commas dropped, '.' the decimal mark.
function shownNumber(text) {
  return Number(text.replace(/[^0-9.\-]/g, ''));
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

  it('writes an XLSX annex whose target sheet LibreOffice converts to CSV with the numbers', () => {
    const j = JSON.parse(review('--format', 'json').stdout);
    const xlsx = path.join(tmp.dir, 'phu-luc.xlsx');
    const r = review('--format', 'xlsx', '-o', xlsx);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), 'PK');
    // Only the first sheet, the targets, goes to CSV; UTF-8 (76), values as shown. The locale is
    // fixed so that the decimal mark is '.'.
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp.dir}/lo-profile`,
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', tmp.dir, xlsx],
    { stdio: 'pipe', timeout: 120000,
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } });
    const csv = path.join(tmp.dir, 'phu-luc.csv');
    assert.ok(existsSync(csv), 'LibreOffice wrote no CSV');
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(xlsx, path.join(artifacts, 'review-annex.xlsx'));
    copyFileSync(csv, path.join(artifacts, 'review-annex.csv'));
    const rows = parseCsv(readFileSync(csv, 'utf8'));
    assert.equal(rows[0][0], 'Phụ lục: Kết quả thực hiện các mục tiêu, chỉ tiêu Nghị quyết số '
      + '01-NQ/ĐUK tính đến ngày 17/5/2023');
    const header = rows.find((row) => row[0] === 'STT');
    assert.deepEqual(header.slice(1, 11), ['Mã', 'Mục tiêu', 'Lĩnh vực', 'Đơn vị tính', 'Chỉ tiêu',
      'Thực hiện', 'Dự kiến đến thời điểm', 'Dự báo cuối nhiệm kỳ', 'Tỷ lệ (%)', 'Đánh giá']);
    assert.equal(j.targets.length, 7);
    for (const [i, t] of j.targets.entries()) {
      const row = rows.find((x) => x[1] === t.code);
      assert.ok(row, `no row for ${t.code}`);
      assert.equal(row[0], String(i + 1));
      assert.equal(row[10], t.status_label, t.code);
      if (t.actual === null) {
        assert.equal(row[6], '', t.code);
      } else if (t.comparator === 'yes_no') {
        assert.equal(row[6], t.actual === 1 ? 'Có' : t.actual === 0 ? 'Không' : row[6], t.code);
      } else {
        // Shown with at most two decimals.
        assert.ok(Math.abs(shownNumber(row[6]) - t.actual) <= 0.005 + 1e-9,
          `${t.code}: the sheet shows "${row[6]}", the review ${t.actual}`);
      }
      if (t.ratio !== null) {
        assert.ok(Math.abs(shownNumber(row[9]) - t.ratio) <= 0.05 + 1e-9,
          `${t.code}: ratio "${row[9]}", the review ${t.ratio}`);
      }
    }
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
