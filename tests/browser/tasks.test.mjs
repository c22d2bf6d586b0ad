// Browser test of assigned tasks (issue 4): a task overdue today is created through the API by
// the committee; its owner (a reporter) opens it from the "Việc sắp đến hạn / quá hạn" card of
// the home page, posts 100% with today's completion date and a small real PDF, and sees the
// update with its file in the history; the committee's task board then shows the task as
// "Hoàn thành trễ hạn" where it showed "Quá hạn" before. Debian's Chromium driven by
// playwright-core against the real binary over a fresh demo database; each step keeps a
// screenshot var/screenshots/tasks-*.png (STYLE.md rule 12).
//
// The demo (cli/demo_data.h): baocao.stc reports for BTR.STC (Đảng bộ Sở Tài chính); bantochuc
// is the bloc's committee member; the bloc's resolution is 01-NQ/ĐUK.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';


import { launchChromium, signIn, openAs, assertNoHorizontalOverflow } from '../lib/browser.mjs';
import { startDemo, repoRoot, signedIn, orgIdsByCode } from '../lib/nqtrack.mjs';

const shots = path.join(repoRoot, 'var', 'screenshots');
const TITLE = 'Rà soát, báo cáo việc sinh hoạt chi bộ định kỳ quý III';

// A date n days from today in Vietnam (UTC+7, the server's "today" whatever the machine's time
// zone), as "YYYY-MM-DD"; viDay writes it as the pages do ("17/5/2023").
function isoDay(n) {
  const d = new Date(Date.now() + 7 * 3600 * 1000 + n * 86400 * 1000);
  return d.toISOString().slice(0, 10);
}
function viDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

// A small but complete one-page PDF (catalog, page tree, page, font, content stream and a
// cross-reference table with the right offsets), as a scanner or a word processor would send.
function makePdf(text) {
  const stream = `BT /F1 14 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// Fails when the page is wider than its viewport (a table or a form pushing out).
describe('assigned tasks in the browser', () => {
  let demo;
  let browser;
  let taskId;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    demo = await startDemo();
    browser = await launchChromium();
    const committee = await signedIn(demo.url, 'bantochuc');
    const ids = await orgIdsByCode(committee);
    const resolutions = await committee.get('/api/v1/resolutions');
    assert.equal(resolutions.status, 200, resolutions.text);
    const resolution = resolutions.json.items.find((r) => r.number === '01-NQ/ĐUK');
    assert.ok(resolution, 'the demo has the bloc resolution 01-NQ/ĐUK');
    // Assigned three weeks ago, due three days ago, nothing reported: overdue today.
    const created = await committee.post('/api/v1/tasks', {
      resolution_id: resolution.id,
      title: TITLE,
      owner_org_id: ids.get('BTR.STC'),
      assigning_document: '215-CV/ĐUK',
      assigned: isoDay(-21),
      deadline: { recurrence: 'once', due: isoDay(-3) },
    });
    assert.equal(created.status, 201, created.text);
    taskId = created.json.id;
  });

  after(async () => {
    if (browser) await browser.close();
    if (demo) await demo.close();
  });

  it('an owner reports an overdue task done and the board shows it done late', async () => {
    const committee = await openAs(browser, demo.url, 'bantochuc');
    const row = (page) => page.locator(`#tasks-table tr[data-task="${taskId}"]`);

    // --- the committee's board before: overdue -------------------------------------------------
    let page = committee.page;
    await page.goto(`${demo.url}/`);
    await page.click('nav a.nav-link[href="/tasks"]');
    await page.waitForURL((u) => u.pathname === '/tasks');
    assert.equal(await page.locator('#tasks-as-of').innerText(), viDay(isoDay(0)));
    assert.equal(await row(page).locator('.nq-task-state').innerText(), 'Quá hạn');
    const overdueBefore = Number(await page.locator('#tasks-tabs [data-state="overdue"] .nq-tab-count').innerText());
    const lateBefore = Number(await page.locator('#tasks-tabs [data-state="done_late"] .nq-tab-count').innerText());
    await page.screenshot({ path: path.join(shots, 'tasks-board-before.png'), fullPage: true });
    await assertNoHorizontalOverflow(page, 'board');

    // --- the owner: from the home page's list to the task, progress with a PDF -----------------
    const reporter = await openAs(browser, demo.url, 'baocao.stc');
    const rp = reporter.page;
    const due = rp.locator('#home-due-list li', { hasText: TITLE });
    assert.equal(await due.locator('.nq-task-state').innerText(), 'Quá hạn');
    assert.match(await due.innerText(), /Quá hạn 3 ngày/);
    await rp.screenshot({ path: path.join(shots, 'tasks-home.png'), fullPage: true });
    await Promise.all([
      rp.waitForURL((u) => u.pathname === `/tasks/${taskId}`),
      due.locator('a.nq-due-link').click(),
    ]);
    assert.equal(await rp.locator('#task-title').innerText(), TITLE);
    assert.equal(await rp.locator('#task-state').innerText(), 'Quá hạn');
    assert.match(await rp.locator('#task-owner').innerText(), /Đảng bộ Sở Tài chính/);

    await rp.fill('#progress-percent', '100');
    await rp.fill('#progress-completed', isoDay(0));
    await rp.fill('#progress-note', 'Đã rà soát sinh hoạt của 12 chi bộ trực thuộc; báo cáo gửi kèm.');
    await rp.setInputFiles('#progress-evidence', {
      name: 'Báo cáo rà soát sinh hoạt chi bộ.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('Bao cao ra soat sinh hoat chi bo quy III'),
    });
    await rp.screenshot({ path: path.join(shots, 'tasks-progress-form.png'), fullPage: true });
    await Promise.all([
      rp.waitForURL(/done=progress/),
      rp.click('#progress-submit'),
    ]);
    assert.equal(await rp.locator('#task-notice').innerText(), 'Đã ghi nhận báo cáo tiến độ.');
    assert.equal(await rp.locator('#task-state').innerText(), 'Hoàn thành trễ hạn');
    assert.equal(await rp.locator('#task-percent').innerText(), '100%');
    const update = rp.locator('#task-history .nq-task-update').first();
    assert.match(await update.innerText(), /0% → 100%/);
    assert.match(await update.innerText(), /Đã rà soát sinh hoạt của 12 chi bộ/);
    assert.match(await update.innerText(), new RegExp(`Hoàn thành ngày ${viDay(isoDay(0))}`));
    const link = update.locator('a.nq-evidence-link');
    assert.equal(await link.innerText(), 'Báo cáo rà soát sinh hoạt chi bộ.pdf');
    // The file comes back as the PDF it is, to the owner's session.
    const file = await rp.request.get(new URL(await link.getAttribute('href'), demo.url).href);
    assert.equal(file.status(), 200);
    assert.match(file.headers()['content-type'], /^application\/pdf/);
    assert.ok((await file.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));
    await rp.screenshot({ path: path.join(shots, 'tasks-task-done.png'), fullPage: true });
    await assertNoHorizontalOverflow(rp, 'task page');

    // --- the committee's board after: done late ----------------------------------------------------
    await page.reload();
    assert.equal(await row(page).locator('.nq-task-state').innerText(), 'Hoàn thành trễ hạn');
    assert.equal(Number(await page.locator('#tasks-tabs [data-state="overdue"] .nq-tab-count').innerText()),
      overdueBefore - 1);
    assert.equal(Number(await page.locator('#tasks-tabs [data-state="done_late"] .nq-tab-count').innerText()),
      lateBefore + 1);
    await Promise.all([
      page.waitForURL(/state=done_late/),
      page.click('#tasks-tabs [data-state="done_late"]'),
    ]);
    assert.equal(await row(page).count(), 1);
    await page.screenshot({ path: path.join(shots, 'tasks-board-after.png'), fullPage: true });

    // --- the mid-term review's view: the board and the key projects as of 17/5/2023 --------------
    await page.goto(`${demo.url}/tasks?as_of=2023-05-17`);
    assert.equal(await page.locator('#tasks-as-of').innerText(), '17/5/2023');
    await page.screenshot({ path: path.join(shots, 'tasks-board-2023-05-17.png'), fullPage: true });
    await assertNoHorizontalOverflow(page, 'board as of 17/5/2023');
    await page.click('#tasks-projects-link');
    await page.waitForURL((u) => u.pathname === '/tasks/projects');
    if (await page.locator('#projects-chart').count() > 0) {
      await page.locator('#projects-chart[data-ready="true"]').waitFor({ timeout: 10_000 });
      assert.ok(await page.locator('#projects-chart canvas').count() >= 1);
    }
    await page.screenshot({ path: path.join(shots, 'tasks-projects.png'), fullPage: true });
    await assertNoHorizontalOverflow(page, 'key projects');

    assert.deepEqual(committee.errors, []);
    assert.deepEqual(reporter.errors, []);
    await committee.context.close();
    await reporter.context.close();
  });
});
