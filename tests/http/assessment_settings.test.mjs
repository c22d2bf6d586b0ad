// Cài đặt đánh giá against the real binary over a fresh demo database: the API (defaults, roles,
// bad input refused with nothing changed, GET after PUT), the dashboard's link and the settings
// form, and the effect on the assessment — with the floor of CHẬM lowered from 85% to 70%, the
// demo's MT5 (75,9% actual, projection 81,7% of the target) turns from KHÓ ĐẠT to CHẬM — in the
// API and in `nqtrack assess` / `export resolution`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';

import { startDemo, signedIn, runCli } from '../lib/nqtrack.mjs';

const AS_OF = '2023-05-17';
const SETTINGS = '/api/v1/resolutions/1/assessment-settings';
const DEFAULTS = { behind_floor: 85, exceed_margin: 5, buckets: [80, 50],
                   mid_term_counts_on_track: true };

describe('assessment settings', () => {
  let demo;
  let committee;  // bantochuc: committee role at the root
  let stc;        // baocao.stc: reporter of BTR.STC

  const put = (client, body) => client.request('PUT', SETTINGS, { json: body });
  const assess = async () => {
    const r = await committee.get(`/api/v1/resolutions/1/assessment?as_of=${AS_OF}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  const mt5 = (a) => a.targets.find((t) => t.code === 'MT5');

  before(async () => {
    demo = await startDemo();
    committee = await signedIn(demo.url, 'bantochuc');
    stc = await signedIn(demo.url, 'baocao.stc');
  });

  after(async () => {
    if (demo) {
      const status = await demo.close();
      assert.equal(status.code, 0);
    }
  });

  it('starts from the defaults, readable by a reporter', async () => {
    for (const client of [committee, stc]) {
      const r = await client.get(SETTINGS);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json, DEFAULTS);
    }
    const a = await assess();
    assert.equal(mt5(a).status, 'at_risk', mt5(a).explanation);
    assert.deepEqual(a.buckets.map((b) => b.threshold), [80, 50]);
  });

  it('refuses a reporter (403) and bad input (400 with key and message), changing nothing', async () => {
    const denied = await put(stc, { ...DEFAULTS, behind_floor: 70 });
    assert.equal(denied.status, 403, denied.text);
    assert.equal(denied.json.error.key, 'role.denied');

    const bad = [
      [{ ...DEFAULTS, behind_floor: 40 }, 'settings.behind_floor_invalid', /từ 50% đến 100%/],
      [{ ...DEFAULTS, exceed_margin: 55 }, 'settings.exceed_margin_invalid', /từ 0% đến 50%/],
      [{ ...DEFAULTS, buckets: [80, 80] }, 'settings.buckets_invalid', /bị lặp/],
      [{ ...DEFAULTS, buckets: [10, 20, 30, 40, 50, 60] }, 'settings.buckets_invalid', /từ 1 đến 5/],
      [{ ...DEFAULTS, buckets: [150] }, 'settings.buckets_invalid', /không quá 100%/],
      [{ ...DEFAULTS, behind_floor: '70' }, 'json.wrong_type', /behind_floor/],
      [{ ...DEFAULTS, extra: 1 }, 'json.unknown_field', /extra/],
      [{ behind_floor: 70 }, 'json.missing_field', /exceed_margin/],
    ];
    for (const [body, key, message] of bad) {
      const r = await put(committee, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
      assert.equal(r.json.error.key, key, r.text);
      assert.match(r.json.error.message, message);
    }
    const noCsrf = await committee.request('PUT', SETTINGS, { json: DEFAULTS, csrf: false });
    assert.equal(noCsrf.status, 403);
    assert.deepEqual((await committee.get(SETTINGS)).json, DEFAULTS);
    assert.equal(mt5(await assess()).status, 'at_risk');
  });

  it('a lower floor turns MT5 from KHÓ ĐẠT to CHẬM; GET after PUT gives what was stored', async () => {
    const r = await put(committee, { behind_floor: 70, exceed_margin: 5, buckets: [50, 90, 70],
                                     mid_term_counts_on_track: true });
    assert.equal(r.status, 200, r.text);
    const want = { behind_floor: 70, exceed_margin: 5, buckets: [90, 70, 50],
                   mid_term_counts_on_track: true };
    assert.deepEqual(r.json, want);
    assert.deepEqual((await committee.get(SETTINGS)).json, want);
    assert.deepEqual((await stc.get(SETTINGS)).json, want);

    const a = await assess();
    const t = mt5(a);
    assert.equal(t.status, 'behind', t.explanation);
    assert.equal(t.status_label, 'CHẬM');
    assert.match(t.explanation, /81,7%.*: chậm\.$/);
    assert.match(a.headline, /6\/7/);
    assert.deepEqual(a.buckets.map((b) => b.threshold), [90, 70, 50]);
    assert.equal(a.buckets.find((b) => b.threshold === 70).count, 7 - a.targets.filter(
      (x) => x.ratio === null || x.ratio < 70).length);

    // The committee may stop counting on-track targets as done before the end of term.
    const strict = await put(committee, { ...want, mid_term_counts_on_track: false });
    assert.equal(strict.status, 200, strict.text);
    const s = await assess();
    const onTrack = s.targets.filter((x) => x.status === 'on_track').length;
    assert.ok(onTrack > 0);
    assert.equal(s.done, 6 - onTrack, s.headline);
    assert.equal((await put(committee, want)).status, 200);
  });

  it('the dashboard links the form for the committee only; the form saves and returns', async () => {
    const dash = await committee.get(`/resolutions/1/dashboard?as_of=${AS_OF}`);
    assert.equal(dash.status, 200);
    assert.match(dash.text, /href="\/resolutions\/1\/assessment-settings"/);
    assert.match(dash.text, /Đạt từ 70% trở lên/);
    const own = await stc.get(`/resolutions/1/dashboard?as_of=${AS_OF}`);
    assert.equal(own.status, 200);
    assert.doesNotMatch(own.text, /assessment-settings/);

    const page = await committee.get('/resolutions/1/assessment-settings');
    assert.equal(page.status, 200);
    assert.match(page.text, /Cài đặt đánh giá/);
    assert.match(page.text, /name="behind_floor" value="70"/);
    assert.match(page.text, /name="bucket_2" value="70"/);

    const form = (fields) => new URLSearchParams({ _csrf: committee.csrf, ...fields }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const rejected = await committee.request('POST', '/resolutions/1/assessment-settings', {
      headers, body: form({ behind_floor: '30', exceed_margin: '5', bucket_1: '80' }) });
    assert.equal(rejected.status, 400);
    assert.match(rejected.text, /Ngưỡng chậm tiến độ phải từ 50% đến 100% của chỉ tiêu \(đã nhập 30%\)/);
    assert.equal((await committee.get(SETTINGS)).json.behind_floor, 70);

    const saved = await committee.request('POST', '/resolutions/1/assessment-settings', {
      headers,
      body: form({ behind_floor: '85', exceed_margin: '5', bucket_1: '80', bucket_2: '62,5',
                   mid_term_counts_on_track: '1' }) });
    assert.equal(saved.status, 303, saved.text);
    assert.equal(saved.headers.get('location'), '/resolutions/1/dashboard');
    assert.deepEqual((await committee.get(SETTINGS)).json,
                     { ...DEFAULTS, buckets: [80, 62.5] });
    assert.equal(mt5(await assess()).status, 'at_risk');

    const refused = await stc.request('POST', '/resolutions/1/assessment-settings', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: stc.csrf, behind_floor: '70', exceed_margin: '5',
                                  bucket_1: '80' }).toString() });
    assert.equal(refused.status, 403);
    assert.equal((await committee.get(SETTINGS)).json.behind_floor, 85);
  });

  it('nqtrack assess and the resolution file use the stored settings', async () => {
    assert.equal((await put(committee, { behind_floor: 70, exceed_margin: 5, buckets: [80, 50],
                                         mid_term_counts_on_track: true })).status, 200);
    const cli = runCli(['assess', '--db', demo.db, '--resolution', '1', '--as-of', AS_OF,
                        '--format', 'json']);
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal(mt5(JSON.parse(cli.stdout)).status, 'behind');

    const exported = runCli(['export', 'resolution', '1', '--db', demo.db]);
    assert.equal(exported.code, 0, exported.stderr);
    const doc = JSON.parse(exported.stdout);
    assert.deepEqual(doc.assessment_settings, { behind_floor: 70, exceed_margin: 5,
                                                buckets: [80, 50],
                                                mid_term_counts_on_track: true });
    const dir = path.dirname(demo.db.replace(/^sqlite:/, ''));
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify(doc));
    const fromFile = runCli(['assess', '--file', file, '--as-of', AS_OF, '--format', 'json']);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.equal(mt5(JSON.parse(fromFile.stdout)).status, 'behind');
    delete doc.assessment_settings;  // without settings: the defaults
    writeFileSync(file, JSON.stringify(doc));
    const plain = runCli(['assess', '--file', file, '--as-of', AS_OF, '--format', 'json']);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(mt5(JSON.parse(plain.stdout)).status, 'at_risk');

    // Imported into another database, the file's settings come along.
    doc.assessment_settings = { behind_floor: 75, buckets: [100] };
    writeFileSync(file, JSON.stringify(doc));
    const other = `sqlite:${path.join(dir, 'other.db')}`;
    const imported = runCli(['import', 'resolution', file, '--db', other]);
    assert.equal(imported.code, 0, imported.stderr);
    const again = runCli(['export', 'resolution', '1', '--db', other]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(JSON.parse(again.stdout).assessment_settings,
                     { behind_floor: 75, exceed_margin: 5, buckets: [100],
                       mid_term_counts_on_track: true });
  });
});
