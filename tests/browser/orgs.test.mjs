// Browser tests: Debian's Chromium driven by playwright-core against the real binary over a fresh
// demo database. Each step keeps a screenshot under var/screenshots/ (STYLE.md rule 12).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { signIn, demoBrowserSuite, shotsDir as shots } from '../lib/browser.mjs';

describe('organization tree in the browser', () => {
  const suite = demoBrowserSuite();

  it('signs in, shows the tree and finds an organization typed without tone marks', async () => {
    const context = await suite.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signIn(page, suite.demo.url, 'bantochuc', { shots, shot: 'login.png' });
    assert.equal(await page.locator('#nq-user-name').innerText(), 'Trần Văn Minh');

    await page.goto(`${suite.demo.url}/orgs`);
    const tree = page.locator('#org-tree');
    await tree.waitFor();
    assert.match(await tree.innerText(), /Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre/);
    await page.screenshot({ path: path.join(shots, 'tree.png') });

    await page.locator('#org-search').pressSequentially('dang bo so tai chinh', { delay: 15 });
    const hit = page.locator('#org-results .org-result', { hasText: 'Đảng bộ Sở Tài chính' });
    await hit.first().waitFor({ timeout: 10_000 });
    assert.ok(await hit.count() >= 1);
    await page.screenshot({ path: path.join(shots, 'search.png') });

    // The result leads to the organization's page.
    await Promise.all([page.waitForURL(/\/orgs\/\d+$/), hit.first().click()]);
    assert.match(await page.locator('h1').first().innerText(), /Đảng bộ Sở Tài chính/);
    await page.screenshot({ path: path.join(shots, 'org.png') });

    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows a reporter only their own subtree', async () => {
    const context = await suite.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, suite.demo.url, 'baocao.stc');
    await page.goto(`${suite.demo.url}/orgs`);
    const text = await page.locator('#org-tree').innerText();
    assert.match(text, /Đảng bộ Sở Tài chính/);
    assert.doesNotMatch(text, /Đảng bộ Sở Y tế/);

    await page.locator('#org-search').pressSequentially('so y te', { delay: 15 });
    await page.locator('#org-no-results').waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('#org-results .org-result').count(), 0);
    await page.screenshot({ path: path.join(shots, 'reporter-search.png') });
    await context.close();
  });
});
