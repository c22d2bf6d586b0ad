// Browser test of the reporting loop (issue 3): a reporter fills the monthly entry form and
// submits it, a committee member approves it, and the resolution dashboard's count and the
// status of the target the report moves change accordingly. Debian's Chromium driven by
// playwright-core against the real binary over a fresh demo database; each step keeps a
// screenshot under var/screenshots/ (STYLE.md rule 12).
//
// The demo (cli/demo_data.h): BTR.STC (Đảng bộ Sở Tài chính) reports the monthly set
// XDD-THANG; its reporter is baocao.stc, the bloc's committee member bantochuc. Target MT7
// ("100% chi bộ sinh hoạt định kỳ hằng tháng", every_year) is met in every closed year; a
// month without the cell meeting in May 2023 makes the open year 2023 miss, which the rules of
// analytics/assessment.h judge KHÓ ĐẠT before the end of term — one target fewer counted as done.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';


import { launchChromium, signIn, openAs } from '../lib/browser.mjs';
import { startDemo, repoRoot, signedIn, orgIdsByCode } from '../lib/nqtrack.mjs';

const shots = path.join(repoRoot, 'var', 'screenshots');
const AS_OF = '2023-05-17';
const PERIOD = '2023M05';
const DONE_STATUSES = ['VƯỢT', 'ĐẠT', 'ĐÚNG TIẾN ĐỘ'];

// The "done" count of a headline such as "Hoàn thành 6/7 mục tiêu".
function doneOf(headline) {
  const m = headline.match(/(\d+)\/(\d+)/);
  assert.ok(m, `no count in the headline "${headline}"`);
  return { done: Number(m[1]), total: Number(m[2]) };
}

describe('reporting changes the dashboard', () => {
  let demo;
  let browser;
  let ids;          // organization ids by code
  let setId;        // XDD-THANG
  let resolutionId;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    demo = await startDemo();
    browser = await launchChromium();
    const admin = await signedIn(demo.url, 'admin');
    ids = await orgIdsByCode(admin);
    const sets = await admin.get('/api/v1/data-sets');
    assert.equal(sets.status, 200, sets.text);
    setId = sets.json.items.find((s) => s.code === 'XDD-THANG').id;
    const resolutions = await admin.get('/api/v1/resolutions');
    assert.equal(resolutions.status, 200, resolutions.text);
    resolutionId = resolutions.json.items.find((r) => r.number === '01-NQ/ĐUK').id;
  });

  after(async () => {
    if (browser) await browser.close();
    if (demo) await demo.close();
  });

  it('a submitted and approved report moves MT7 and the headline count', async () => {
    const committee = await openAs(browser, demo.url, 'bantochuc');
    const reporter = await openAs(browser, demo.url, 'baocao.stc');
    const dashboardUrl = `${demo.url}/resolutions/${resolutionId}/dashboard`;

    // --- the dashboard before: the date picked in the form -------------------------------
    let page = committee.page;
    await page.goto(dashboardUrl);
    await page.fill('#dash-date', AS_OF);
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('as_of') === AS_OF),
      page.click('.nq-dash-filter button[type="submit"]'),
    ]);
    assert.equal(await page.locator('#dash-as-of').innerText(), '17/5/2023');
    const headlineBefore = await page.locator('#dash-headline').innerText();
    const before = doneOf(headlineBefore);
    assert.equal(before.total, 7);
    const mt7 = page.locator('.nq-target-card[data-target="MT7"]');
    const mt7Before = await mt7.locator('.nq-status').innerText();
    assert.ok(DONE_STATUSES.includes(mt7Before), `MT7 before: ${mt7Before}`);
    assert.equal(await page.locator('.nq-target-card').count(), 7);
    await page.screenshot({ path: path.join(shots, 'dashboard-before.png'), fullPage: true });

    // --- the reporter fills May 2023 and submits --------------------------------------------
    const entryUrl = `${demo.url}/entry?org=${ids.get('BTR.STC')}&set=${setId}&period=${PERIOD}`;
    const rp = reporter.page;
    await rp.goto(entryUrl);
    assert.match(await rp.locator('#entry-org').innerText(), /Đảng bộ Sở Tài chính/);
    const fill = async (rowText, value) => {
      const row = rp.locator('#entry-table tbody tr', { hasText: rowText });
      const input = row.locator('input.nq-entry-input');
      await input.fill(value);
      await input.press('Tab');  // "change": htmx saves the value
      await row.locator('.nq-entry-status', { hasText: 'Đã lưu' }).waitFor({ timeout: 10_000 });
    };
    await fill('Số đảng viên mới được kết nạp', '2');
    await fill('Chi bộ sinh hoạt định kỳ trong tháng', 'không');
    await fill('Tỷ lệ đảng viên dự sinh hoạt chi bộ', '91,5');
    await rp.screenshot({ path: path.join(shots, 'entry-filled.png'), fullPage: true });
    await Promise.all([
      rp.waitForURL(/done=submit/),
      rp.click('#entry-submit'),
    ]);
    assert.equal(await rp.locator('#entry-state').innerText(), 'Đã gửi');
    await rp.screenshot({ path: path.join(shots, 'entry-submitted.png'), fullPage: true });

    // --- the committee approves ---------------------------------------------------------------
    await page.goto(entryUrl);
    await Promise.all([
      page.waitForURL(/done=approve/),
      page.click('#entry-approve'),
    ]);
    assert.equal(await page.locator('#entry-state').innerText(), 'Đã duyệt');
    await page.screenshot({ path: path.join(shots, 'entry-approved.png'), fullPage: true });

    // --- the dashboard after --------------------------------------------------------------------
    await page.goto(`${dashboardUrl}?as_of=${AS_OF}`);
    const headlineAfter = await page.locator('#dash-headline').innerText();
    const after = doneOf(headlineAfter);
    assert.equal(after.done, before.done - 1, `${headlineBefore} -> ${headlineAfter}`);
    assert.equal(await mt7.locator('.nq-status').innerText(), 'KHÓ ĐẠT');
    await page.screenshot({ path: path.join(shots, 'dashboard-after.png'), fullPage: true });

    // The API says the same.
    const api = await signedIn(demo.url, 'bantochuc');
    const assessed = await api.get(`/api/v1/resolutions/${resolutionId}/assessment?as_of=${AS_OF}`);
    assert.equal(assessed.status, 200, assessed.text);
    assert.equal(assessed.json.done, after.done);
    const mt7Api = assessed.json.targets.find((t) => t.code === 'MT7');
    assert.equal(mt7Api.status, 'at_risk');
    assert.equal(mt7Api.status_label, 'KHÓ ĐẠT');
    // The badge wears the status colour the API names.
    assert.ok((await mt7.locator('.nq-status').getAttribute('class')).split(' ')
      .includes(`text-bg-${mt7Api.colour}`));

    // --- the target page: chart and drill-down ---------------------------------------------------
    await Promise.all([
      page.waitForURL(/\/targets\/MT7\?/),
      mt7.locator('a.nq-target-link').click(),
    ]);
    await page.locator('#target-chart[data-ready="true"]').waitFor({ timeout: 10_000 });
    assert.ok(await page.locator('#target-chart canvas').count() >= 1);
    const stcRow = page.locator('#target-children tbody tr', { hasText: 'Đảng bộ Sở Tài chính' });
    assert.equal(await stcRow.locator('.nq-status').innerText(), 'KHÓ ĐẠT');
    assert.ok(await page.locator('#target-years tbody tr').count() >= 6);  // 2020 … 2025
    await page.screenshot({ path: path.join(shots, 'target-mt7.png') });

    // Drill down into BTR.STC: the same page for its subtree.
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('org') === String(ids.get('BTR.STC'))),
      stcRow.locator('a.nq-child-link').click(),
    ]);
    assert.match(await page.locator('#dash-scope').innerText(), /Đảng bộ Sở Tài chính/);
    assert.equal(await page.locator('#target-detail .nq-status').innerText(), 'KHÓ ĐẠT');
    await page.locator('#target-chart[data-ready="true"]').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(shots, 'target-mt7-stc.png'), fullPage: true });

    assert.deepEqual(committee.errors, []);
    assert.deepEqual(reporter.errors, []);
    await committee.context.close();
    await reporter.context.close();
  });
});
