// Browser test of party-building records (issue 5): the committee member opens a draft of the
// mid-term review as of 17/5/2023 and reads the share of workers reached by dissemination
// (section I, "Công tác xây dựng Đảng"); a reporter of Đảng bộ Sở Tài chính records, through the
// form generated from the record type, a dissemination session of Nghị quyết 21-NQ/TW that
// reached all of the unit's workers; the committee's figure then rises, and the link behind it
// leads to the records it counts, the new one among them. Debian's Chromium driven by
// playwright-core against the real binary over a fresh demo database; each step keeps a
// screenshot var/screenshots/records-*.png (STYLE.md rule 12).
//
// The demo (cli/demo.cc, cli/demo_records.cc): bantochuc is the bloc's committee member;
// baocao.stc reports for BTR.STC; resolution 1 is 01-NQ/ĐUK.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { openAs, assertNoHorizontalOverflow, demoBrowserSuite, shotsDir as shots } from '../lib/browser.mjs';
import { signedIn } from '../lib/nqtrack.mjs';

// "40,9%" → 40.9
function percentOf(text) {
  const m = /([\d.]+(?:,\d+)?)%/.exec(text);
  assert.ok(m, `a percentage in "${text}"`);
  return Number(m[1].replace(/\./g, '').replace(',', '.'));
}

describe('party-building records in the browser', () => {
  const suite = demoBrowserSuite();
  let reviewPath;

  before(async () => {
    const committee = await signedIn(suite.demo.url, 'bantochuc');
    const created = await committee.post('/api/v1/resolutions/1/reviews',
      { kind: 'midterm', as_of: '2023-05-17' });
    assert.equal(created.status, 201, created.text);
    reviewPath = `/reviews/${created.json.id}`;
  });

  // The worker reach figure of the draft: the third figure of the dissemination sentence.
  async function workerReach(page) {
    await page.goto(`${suite.demo.url}${reviewPath}`);
    const sentence = page.locator('#review-document p', { hasText: 'người lao động được tuyên truyền' }).first();
    const figures = sentence.locator('a[href^="/records/dissemination"]');
    assert.equal(await figures.count(), 3, await sentence.innerText());
    return { sentence, link: figures.nth(2), value: percentOf(await figures.nth(2).innerText()) };
  }

  it('a reporter records a dissemination session and the committee sees worker reach rise', async () => {
    const committee = await openAs(suite.browser, suite.demo.url, 'bantochuc');
    const before = await workerReach(committee.page);
    assert.ok(before.value > 0 && before.value < 50, `low reach in the demo: ${before.value}`);
    await before.sentence.scrollIntoViewIfNeeded();
    await committee.page.screenshot({ path: path.join(shots, 'records-review-before.png') });

    // --- the reporter: the menu, the type, the generated form ---------------------------------
    const reporter = await openAs(suite.browser, suite.demo.url, 'baocao.stc');
    const rp = reporter.page;
    await rp.goto(`${suite.demo.url}/`);
    await rp.click('nav a[href="/records"]');
    await rp.waitForURL((u) => u.pathname === '/records');
    await Promise.all([
      rp.waitForURL((u) => u.pathname === '/records/dissemination'),
      rp.click('a[href="/records/dissemination"]'),
    ]);
    await Promise.all([
      rp.waitForURL((u) => u.pathname === '/records/dissemination/new'),
      rp.click('a[href="/records/dissemination/new"]'),
    ]);
    await rp.fill('#rf-document', '21-NQ/TW');
    await rp.fill('#rf-issued_on', '2022-06-16');
    await rp.fill('#rf-held_on', '2023-05-10');
    await rp.fill('#rf-members_present', '52');
    await rp.fill('#rf-members_total', '55');
    await rp.fill('#rf-workers_reached', '3.000');
    await rp.fill('#rf-workers_total', '3.000');
    await rp.screenshot({ path: path.join(shots, 'records-form.png'), fullPage: true });
    await assertNoHorizontalOverflow(rp, 'record form');
    await Promise.all([
      rp.waitForURL((u) => u.pathname === '/records/dissemination'),
      rp.click('#record-save'),
    ]);
    assert.match(await rp.locator('body').innerText(), /Đã ghi hồ sơ/);
    await rp.screenshot({ path: path.join(shots, 'records-list.png'), fullPage: true });
    await assertNoHorizontalOverflow(rp, 'record list');

    // --- the committee: the figure rose; its link lists the records, the new one included --------
    const after = await workerReach(committee.page);
    assert.ok(after.value > before.value, `worker reach ${before.value}% → ${after.value}%`);
    await after.sentence.scrollIntoViewIfNeeded();
    await committee.page.screenshot({ path: path.join(shots, 'records-review-after.png') });
    await Promise.all([
      committee.page.waitForURL((u) => u.pathname === '/records/dissemination'),
      after.link.click(),
    ]);
    assert.match(await committee.page.locator('body').innerText(), /21-NQ\/TW[\s\S]*10\/5\/2023/);
    await committee.page.screenshot({ path: path.join(shots, 'records-traced.png'), fullPage: true });
    assert.deepEqual(committee.errors, []);
    assert.deepEqual(reporter.errors, []);
  });
});
