// Browser test of the reviews the committee keeps (issue 6): the committee member opens the
// reviews of the bloc's resolution, creates the mid-term review as of 17/5/2023, writes the
// lessons learned in Vietnamese and saves them (version 1), pastes a bit of HTML and is told in
// Vietnamese that it is refused, with what was typed still in the field, then issues the review
// with its number: the page says "Đã ban hành" and the forms are gone. Debian's Chromium driven
// by playwright-core against the real binary over a fresh demo database; each step keeps a
// screenshot var/screenshots/reviews-*.png (STYLE.md rule 12).
//
// The demo (cli/demo.cc): bantochuc is the bloc's committee member; resolution 1 is 01-NQ/ĐUK,
// whose mid-term review the demo keeps already, issued as 25-BC/ĐUK (cli/demo_review.cc).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { openAs, assertNoHorizontalOverflow, demoBrowserSuite, shotsDir as shots } from '../lib/browser.mjs';

const LESSONS = 'Một là, cấp ủy bám sát cơ sở, kịp thời tháo gỡ vướng mắc.\n'
  + 'Hai là, phát huy vai trò nêu gương của người đứng đầu.';

describe('kept reviews in the browser', () => {
  const suite = demoBrowserSuite();

  it('the committee writes, is refused pasted HTML, and issues a mid-term review', async () => {
    const { context, page, errors } = await openAs(suite.browser, suite.demo.url, 'bantochuc');

    // --- the list, with the demo's review, and the form that starts a review -----------------
    await page.goto(`${suite.demo.url}/resolutions/1/reviews`);
    assert.match(await page.locator('#review-list').innerText(), /Đã ban hành\s+Số 25-BC\/ĐUK/);
    await page.selectOption('#rv-kind', 'midterm');
    await page.fill('#rv-asof', '2023-05-17');
    await page.fill('#rv-place', 'Bến Tre');
    await page.fill('#rv-superior', 'ĐẢNG BỘ TỈNH BẾN TRE');
    await page.screenshot({ path: path.join(shots, 'reviews-list-new.png'), fullPage: true });
    await Promise.all([
      page.waitForURL(/\/reviews\/\d+\?created=1/),
      page.click('#review-new button[type="submit"]'),
    ]);
    const reviewPath = new URL(page.url()).pathname;
    assert.equal(await page.locator('#review-state').innerText(), 'Dự thảo');
    // What was typed, and the usual signing block.
    assert.equal(await page.locator('#h-place').inputValue(), 'Bến Tre');
    assert.equal(await page.locator('#h-superior').inputValue(), 'ĐẢNG BỘ TỈNH BẾN TRE');
    assert.equal(await page.locator('#h-behalf').inputValue(), 'T/M BAN THƯỜNG VỤ');
    assert.equal(await page.locator('#h-title').inputValue(), 'BÍ THƯ');
    assert.match(await page.locator('h1').innerText(), /Sơ kết giữa nhiệm kỳ — số liệu đến ngày 17\/5\/2023/);
    assert.match(await page.locator('#review-document').innerText(), /hoàn thành 6\/7 mục tiêu/i);
    await page.screenshot({ path: path.join(shots, 'reviews-draft.png'), fullPage: true });
    await assertNoHorizontalOverflow(page, 'draft');

    // --- the lessons, saved as version 1 -----------------------------------------------------
    await page.fill('#text-lessons', LESSONS);
    await Promise.all([
      page.waitForURL(/saved=lessons/),
      page.click('#section-lessons button[type="submit"]'),
    ]);
    const label = page.locator('label[for="text-lessons"]');
    assert.match(await label.innerText(), /\(phiên bản 1\)/);
    assert.equal(await page.locator('#text-lessons').inputValue(), LESSONS);
    assert.match(await page.locator('#section-lessons [role="status"]').innerText(), /Đã lưu/);
    assert.match(await page.locator('#review-document').innerText(), /phát huy vai trò nêu gương/);
    await page.screenshot({ path: path.join(shots, 'reviews-lessons-saved.png'), fullPage: true });

    // --- pasted HTML: refused in Vietnamese, what was typed kept ------------------------------
    await page.focus('#text-lessons');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\nBa là, <b>x</b>');
    const typed = await page.locator('#text-lessons').inputValue();
    assert.ok(typed.endsWith('\nBa là, <b>x</b>'), typed);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `${reviewPath}/texts/lessons`),
      page.click('#section-lessons button[type="submit"]'),
    ]);
    const refusal = page.locator('#section-lessons [role="alert"]');
    assert.match(await refusal.innerText(), /Nội dung có mã HTML \(thẻ như <p>, <script>\)/);
    assert.equal(await page.locator('#text-lessons').inputValue(), typed);
    assert.match(await label.innerText(), /\(phiên bản 1\)/);
    assert.doesNotMatch(await page.locator('#review-document').innerText(), /Ba là/);
    await page.screenshot({ path: path.join(shots, 'reviews-html-refused.png'), fullPage: true });

    // --- issued with its number --------------------------------------------------------------
    await page.goto(`${suite.demo.url}${reviewPath}`);
    assert.equal(await page.locator('#i-symbol').inputValue(), 'BC/ĐUK');
    // The next number of the bloc's series: the demo's review is 25.
    assert.equal(await page.locator('#i-number').inputValue(), '26');
    await page.fill('#i-date', '2023-05-25');
    await page.fill('#i-signer', 'Trần Văn Minh');
    await page.screenshot({ path: path.join(shots, 'reviews-issue-form.png'), fullPage: true });
    await Promise.all([
      page.waitForURL(/issued=1/),
      page.click('#issue button[type="submit"]'),
    ]);
    assert.equal(await page.locator('#review-state').innerText(), 'Đã ban hành');
    assert.match(await page.locator('#review-issued').innerText(), /26-BC\/ĐUK/);
    assert.equal(await page.locator('#review-edit').count(), 0);
    assert.equal(await page.locator('textarea').count(), 0);
    const doc = await page.locator('#review-document').innerText();
    assert.match(doc, /Một là, cấp ủy bám sát cơ sở/);
    assert.match(doc, /T\/M BAN THƯỜNG VỤ\s+BÍ THƯ[\s\S]*Trần Văn Minh/);
    await page.screenshot({ path: path.join(shots, 'reviews-issued.png'), fullPage: true });
    await assertNoHorizontalOverflow(page, 'issued review');

    // The stored PDF comes back as a PDF.
    const pdf = await page.request.get(`${suite.demo.url}${reviewPath}/file/pdf`);
    assert.equal(pdf.status(), 200);
    assert.ok((await pdf.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));

    // The list shows it issued.
    await page.goto(`${suite.demo.url}/resolutions/1/reviews`);
    assert.match(await page.locator('#review-list').innerText(), /Đã ban hành\s+Số 26-BC\/ĐUK, ngày 25\/5\/2023/);
    await page.screenshot({ path: path.join(shots, 'reviews-list-issued.png'), fullPage: true });

    // The refused save answers 400 (the page with the message), which Chromium logs; nothing else.
    const refused = 'Failed to load resource: the server responded with a status of 400 (Bad Request)';
    assert.deepEqual(errors.filter((e) => e !== refused), []);
    assert.equal(errors.filter((e) => e === refused).length, 1);
    await context.close();
  });
});
