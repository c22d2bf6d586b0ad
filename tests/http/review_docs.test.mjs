// The reviews the committee keeps (issue 6, "Narrative and freezing" and "API") against the real
// binary over a fresh demo database: the review computed now in each format; a kept review
// created, its narrative saved in versions (stale and pasted HTML refused, nothing stored), its
// header replaced, issued with its number — after which its files are the same bytes whatever
// the data becomes, while the review computed now follows the data; readers read but do not
// write; a number is used once. And the page of a kept review, as a draft and once issued.
//
// The demo (cli/demo.cc): bantochuc is the bloc's committee member, lanhdao a viewer of the
// bloc, baocao.stc the reporter of BTR.STC; resolution 1 is the bloc's 01-NQ/ĐUK, whose MT3
// counts the new members (element new_members, monthly); its mid-term review is kept already,
// issued as 25-BC/ĐUK (cli/demo_review.cc), so the next number of the bloc's series is 26.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startDemo, signedIn, orgIdsByCode } from '../lib/nqtrack.mjs';

const AS_OF = '2023-05-17';

// GET with the client's cookies, the body as bytes: {status, type, bytes}.
async function rawGet(client, urlPath) {
  const res = await fetch(client.baseUrl + urlPath, { headers: { cookie: client.cookieHeader() } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

const put = (client, urlPath, json) => client.request('PUT', urlPath, { json });

function assertError(r, status, key) {
  assert.equal(r.status, status, r.text);
  assert.equal(r.json?.error?.key, key, r.text);
}

describe('kept reviews over the API', () => {
  let demo;
  let committee;  // bantochuc
  let viewer;     // lanhdao
  let reporter;   // baocao.stc
  let reviewId;   // the review issued in these tests
  let ids;

  const adHoc = (query = '') => `/api/v1/resolutions/1/review?as_of=${AS_OF}${query}`;
  const create = (body = {}) => committee.post('/api/v1/resolutions/1/reviews',
    { kind: 'midterm', as_of: AS_OF, ...body });
  const mt3 = (review) => review.targets.find((t) => t.code === 'MT3').actual;

  before(async () => {
    demo = await startDemo();
    committee = await signedIn(demo.url, 'bantochuc');
    viewer = await signedIn(demo.url, 'lanhdao');
    reporter = await signedIn(demo.url, 'baocao.stc');
    ids = await orgIdsByCode(committee);
  });

  after(async () => {
    if (demo) await demo.close();
  });

  it('computes the review now in every format', async () => {
    const j = await committee.get(adHoc());
    assert.equal(j.status, 200, j.text);
    assert.equal(j.json.headline, 'Hoàn thành 6/7 mục tiêu');
    assert.equal(j.json.as_of, AS_OF);
    assert.equal(j.json.lessons, '');

    const pdf = await rawGet(committee, adHoc('&format=pdf'));
    assert.equal(pdf.status, 200);
    assert.match(pdf.type, /^application\/pdf/);
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const xlsx = await rawGet(committee, adHoc('&format=xlsx'));
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');

    assertError(await committee.get(adHoc('&format=bogus')), 400, 'review.format_unknown');
    assertError(await committee.get(adHoc('&kind=yearly')), 400, 'review.kind_unknown');
    assertError(await committee.get('/api/v1/resolutions/1/review?as_of=2031-01-01'), 400,
      'review.as_of_outside_term');
  });

  it('keeps a draft, its narrative in versions and its header', async () => {
    const created = await create({ header: { place: 'Bến Tre', superior_body: 'ĐẢNG BỘ TỈNH BẾN TRE' } });
    assert.equal(created.status, 201, created.text);
    reviewId = created.json.id;
    assert.equal(created.json.state, 'draft');
    assert.equal(created.json.state_label, 'Dự thảo');
    assert.equal(created.json.number_symbol, null);
    assert.equal(created.json.resolution_number, '01-NQ/ĐUK');
    assert.equal(created.json.org_id, ids.get('BTR'));
    assert.equal(created.json.can_edit, true);
    assert.deepEqual(created.json.texts, { lessons: null, directions: null });
    assert.equal(created.json.header.place, 'Bến Tre');

    const path = `/api/v1/reviews/${reviewId}`;
    const lessons = 'Một là, bám sát cơ sở.\nHai là, phát huy vai trò nêu gương của người đứng đầu.';
    const v1 = await put(committee, `${path}/texts/lessons`, { body: lessons, base_version: 0 });
    assert.equal(v1.status, 200, v1.text);
    assert.equal(v1.json.version, 1);
    assert.equal(v1.json.body, lessons);
    assert.equal(v1.json.username, 'bantochuc');

    // Written from an older page: refused, nothing stored.
    assertError(await put(committee, `${path}/texts/lessons`, { body: 'Bản khác', base_version: 0 }),
      409, 'review.text_stale');
    // Pasted HTML: refused, nothing stored.
    const pasted = await put(committee, `${path}/texts/lessons`,
      { body: 'Bài học <script>alert(1)</script>', base_version: 1 });
    assertError(pasted, 400, 'review.text_markup');
    assert.match(pasted.json.error.message, /HTML/);
    assertError(await put(committee, `${path}/texts/tomtat`, { body: 'x', base_version: 0 }), 400,
      'review.section_unknown');
    const noBase = await put(committee, `${path}/texts/lessons`, { body: 'x' });
    assertError(noBase, 400, 'json.missing_field');
    assert.match(noBase.json.error.message, /base_version/);
    const got = await committee.get(path);
    assert.equal(got.status, 200, got.text);
    assert.equal(got.json.texts.lessons.version, 1);
    assert.equal(got.json.texts.lessons.body, lessons);
    const versions = await committee.get(`${path}/texts`);
    assert.equal(versions.status, 200, versions.text);
    assert.deepEqual(versions.json.versions.map((v) => [v.section, v.version]), [['lessons', 1]]);

    const v2 = await put(committee, `${path}/texts/directions`,
      { body: 'Tập trung lãnh đạo thực hiện MT5.', base_version: 0 });
    assert.equal(v2.status, 200, v2.text);
    assert.equal(v2.json.version, 1);

    const header = await put(committee, `${path}/header`, {
      signer_name: 'Trần Văn Minh',
      recipients: ['- Tỉnh ủy (báo cáo),', '- Lưu Văn phòng Đảng ủy Khối.'],
    });
    assert.equal(header.status, 200, header.text);
    assert.equal(header.json.header.signer_name, 'Trần Văn Minh');
    assert.equal(header.json.header.place, 'Bến Tre');  // absent fields keep their value
    assert.deepEqual(header.json.header.recipients,
      ['- Tỉnh ủy (báo cáo),', '- Lưu Văn phòng Đảng ủy Khối.']);
    assertError(await put(committee, `${path}/header`, { place: 'Bến\nTre' }), 400,
      'review.header_invalid');

    // The draft's files are rendered now, with its narrative.
    const docx = await rawGet(committee, `/api/v1/reviews/${reviewId}/file?format=docx`);
    assert.equal(docx.status, 200);
    assert.match(docx.type, /wordprocessingml/);
    assert.equal(docx.bytes.subarray(0, 2).toString('latin1'), 'PK');
    const json = await committee.get(`/api/v1/reviews/${reviewId}/file?format=json`);
    assert.equal(json.status, 200, json.text);
    assert.equal(json.json.lessons, lessons);
    assert.equal(json.json.headline, 'Hoàn thành 6/7 mục tiêu');
    assertError(await committee.get(`/api/v1/reviews/${reviewId}/file?format=odt`), 400,
      'review.format_unknown');
  });

  it('lets readers read and nobody else write', async () => {
    const path = `/api/v1/reviews/${reviewId}`;
    const seen = await viewer.get(path);
    assert.equal(seen.status, 200, seen.text);
    assert.equal(seen.json.can_edit, false);
    assertError(await put(viewer, `${path}/texts/lessons`, { body: 'Của người xem', base_version: 1 }),
      403, 'role.denied');
    assertError(await put(viewer, `${path}/header`, { place: 'Hà Nội' }), 403, 'role.denied');
    assertError(await viewer.post('/api/v1/resolutions/1/reviews', { as_of: AS_OF }), 403,
      'role.denied');
    assertError(await viewer.post(`${path}/issue`, { number: 1, symbol: 'BC/ĐUK',
      issued_on: '2023-05-25', signer_name: 'Lê Hoàng Phúc' }), 403, 'role.denied');
    // The bloc's review is above a reporter of one of its committees.
    assertError(await reporter.get(path), 403, 'scope.denied');
    const list = await reporter.get('/api/v1/resolutions/1/reviews');
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.json.reviews, []);
    // Without the CSRF header nothing is written.
    const noCsrf = await committee.request('PUT', `${path}/texts/lessons`,
      { json: { body: 'Không có mã CSRF', base_version: 1 }, csrf: false });
    assert.equal(noCsrf.status, 403, noCsrf.text);
    assert.equal((await committee.get(path)).json.texts.lessons.version, 1);
  });

  it('issues a review whose files no later data changes', async () => {
    const path = `/api/v1/reviews/${reviewId}`;
    const issue = (body) => committee.post(`${path}/issue`, {
      number: 26, symbol: 'BC/ĐUK', issued_on: '2023-05-25', signer_name: 'Trần Văn Minh', ...body,
    });
    assertError(await issue({ symbol: 'NQ/ĐUK' }), 400, 'review.symbol_invalid');
    assertError(await issue({ issued_on: '2023-05-01' }), 400, 'review.issued_on_invalid');
    assertError(await issue({ signer_name: '  ' }), 400, 'review.signer_required');
    assert.equal((await committee.get(path)).json.state, 'draft');

    const issued = await issue({});
    assert.equal(issued.status, 200, issued.text);
    assert.equal(issued.json.state, 'issued');
    assert.equal(issued.json.state_label, 'Đã ban hành');
    assert.equal(issued.json.number, 26);
    assert.equal(issued.json.number_symbol, '26-BC/ĐUK');
    assert.equal(issued.json.issued_on, '2023-05-25');
    assert.equal(issued.json.can_edit, false);

    assertError(await put(committee, `${path}/texts/lessons`, { body: 'Sửa thêm', base_version: 1 }),
      409, 'review.issued');
    assertError(await put(committee, `${path}/header`, { place: 'Hà Nội' }), 409, 'review.issued');
    assertError(await issue({ number: 30 }), 409, 'review.issued');

    const file = (format) => rawGet(committee, `${path}/file?format=${format}`);
    const before = {};
    for (const format of ['json', 'pdf', 'docx', 'xlsx', 'html']) {
      before[format] = await file(format);
      assert.equal(before[format].status, 200, format);
    }
    assert.equal(before.pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const frozenJson = JSON.parse(before.json.bytes.toString('utf8'));
    assert.equal(frozenJson.headline, 'Hoàn thành 6/7 mục tiêu');
    assert.match(frozenJson.lessons, /^Một là, bám sát cơ sở\./);
    assert.match(before.html.bytes.toString('utf8'), /26-BC\/ĐUK/);
    // The demo's own review, issued when the demo was made.
    const demoFile = (format) => rawGet(committee, `/api/v1/reviews/1/file?format=${format}`);
    const demoBefore = { json: await demoFile('json'), pdf: await demoFile('pdf') };
    assert.equal(demoBefore.json.status, 200);
    assert.equal(JSON.parse(demoBefore.json.bytes.toString('utf8')).headline, 'Hoàn thành 6/7 mục tiêu');
    const adHocBefore = await committee.get(adHoc());

    // The data changes: Đảng bộ Sở Tài chính reports 500 new members for May 2023, a month
    // whose report is still open (a draft) and that counts as of 17/5/2023.
    const elements = await committee.get('/api/v1/data-elements');
    assert.equal(elements.status, 200, elements.text);
    const newMembers = elements.json.items.find((e) => e.code === 'new_members');
    const saved = await committee.post('/api/v1/data-values', { values: [
      { org_id: ids.get('BTR.STC'), element_id: newMembers.id, period: '2023M05', value: '500' }] });
    assert.equal(saved.status, 200, saved.text);
    const adHocAfter = await committee.get(adHoc());
    assert.equal(adHocAfter.status, 200, adHocAfter.text);
    assert.ok(mt3(adHocAfter.json) > mt3(adHocBefore.json),
      `MT3 ${mt3(adHocBefore.json)} → ${mt3(adHocAfter.json)}`);

    for (const format of ['json', 'pdf', 'docx', 'xlsx', 'html']) {
      const after = await file(format);
      assert.equal(after.status, 200, format);
      assert.ok(after.bytes.equals(before[format].bytes), `${format} changed after issuing`);
    }
    assert.equal(mt3(JSON.parse((await file('json')).bytes.toString('utf8'))), mt3(adHocBefore.json));
    assert.ok((await demoFile('json')).bytes.equals(demoBefore.json.bytes), 'the demo review changed');
    assert.ok((await demoFile('pdf')).bytes.equals(demoBefore.pdf.bytes), 'the demo PDF changed');

    // A draft made now follows the data.
    const fresh = await create();
    assert.equal(fresh.status, 201, fresh.text);
    const freshJson = await committee.get(`/api/v1/reviews/${fresh.json.id}/file?format=json`);
    assert.equal(mt3(freshJson.json), mt3(adHocAfter.json));
  });

  it('uses a number once per organization and term', async () => {
    const second = await create({ kind: 'endterm', as_of: '2025-06-30' });
    assert.equal(second.status, 201, second.text);
    const path = `/api/v1/reviews/${second.json.id}`;
    const body = { number: 26, symbol: 'BC/ĐUK', issued_on: '2025-07-15', signer_name: 'Trần Văn Minh' };
    assertError(await committee.post(`${path}/issue`, body), 409, 'review.number_taken');
    assertError(await committee.post(`${path}/issue`, { ...body, number: 25 }), 409,
      'review.number_taken');
    const still = await committee.get(path);
    assert.equal(still.json.state, 'draft');
    assert.equal(still.json.number, null);
    const ok = await committee.post(`${path}/issue`, { ...body, number: 27 });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.number_symbol, '27-BC/ĐUK');

    const list = await committee.get('/api/v1/resolutions/1/reviews');
    assert.equal(list.status, 200, list.text);
    const issuedRows = list.json.reviews.filter((r) => r.state === 'issued');
    assert.deepEqual(issuedRows.map((r) => r.number_symbol).sort(),
      ['25-BC/ĐUK', '26-BC/ĐUK', '27-BC/ĐUK']);
  });

  it('shows the page of a review, with its forms while a draft', async () => {
    const draft = await create();
    assert.equal(draft.status, 201, draft.text);
    const page = await committee.get(`/reviews/${draft.json.id}`);
    assert.equal(page.status, 200, page.text);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.match(page.text, /<article/);
    assert.match(page.text, /id="review-edit"/);
    assert.match(page.text, /id="text-lessons"/);
    assert.match(page.text, /id="issue"/);
    assert.match(page.text, /Dự thảo/);

    const issued = await committee.get(`/reviews/${reviewId}`);
    assert.equal(issued.status, 200, issued.text);
    assert.match(issued.text, /<article/);
    assert.match(issued.text, /Đã ban hành/);
    assert.match(issued.text, /26-BC\/ĐUK/);
    assert.doesNotMatch(issued.text, /id="review-edit"/);
    assert.doesNotMatch(issued.text, /<textarea/);

    const readOnly = await viewer.get(`/reviews/${draft.json.id}`);
    assert.equal(readOnly.status, 200, readOnly.text);
    assert.match(readOnly.text, /<article/);
    assert.doesNotMatch(readOnly.text, /id="review-edit"/);

    const list = await committee.get('/resolutions/1/reviews');
    assert.equal(list.status, 200, list.text);
    assert.match(list.text, new RegExp(`href="/reviews/${reviewId}"`));
    assert.match(list.text, /id="review-new"/);
  });
});
