// Shared steps of the browser tests (tests/browser/): Debian's Chromium through playwright-core,
// signing in as a demo user, a signed-in page that records script errors.
import assert from 'node:assert/strict';
import path from 'node:path';

import { after, before } from 'node:test';
import { mkdirSync } from 'node:fs';

import { chromium } from 'playwright-core';

import { DEMO_PASSWORD, startDemo, repoRoot } from './nqtrack.mjs';

// Chromium headless with the flags the brief gives (no network of its own, no sandbox as root).
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

// Signs in on the login page; with `shot`, keeps a screenshot of the filled form there first.
export async function signIn(page, baseUrl, username, { shots, shot } = {}) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#username', username);
  await page.fill('#password', DEMO_PASSWORD);
  if (shot) await page.screenshot({ path: path.join(shots, shot) });
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.click('form[action="/login"] button[type="submit"]'),
  ]);
}

// A signed-in page (Vietnamese locale, 1280×1000) that records script errors and CSP violations.
export async function openAs(browser, baseUrl, username) {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await signIn(page, baseUrl, username);
  return { context, page, errors };
}

// Fails when the page scrolls sideways: its content is wider than the window.
export async function assertNoHorizontalOverflow(page, what) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${what}: page is ${scroll}px wide in a ${client}px window`);
}

// Where the browser tests keep their screenshots.
export const shotsDir = path.join(repoRoot, 'var', 'screenshots');

// Inside a describe(): a server on a fresh demo database and a Chromium for the suite, started
// before its tests and stopped after them. The returned object's `demo` and `browser` are set
// once the suite's before() has run.
export function demoBrowserSuite() {
  const suite = { demo: null, browser: null };
  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    suite.demo = await startDemo();
    suite.browser = await launchChromium();
  });
  after(async () => {
    if (suite.browser) await suite.browser.close();
    if (suite.demo) await suite.demo.close();
  });
  return suite;
}
