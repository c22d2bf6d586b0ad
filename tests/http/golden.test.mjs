// Golden files (tests/golden/README.md): `nqtrack assess --file`, `nqtrack export tasks --file`
// and `nqtrack review --file` on fixed resolution files at fixed dates, compared with the
// expected JSON kept beside them. UPDATE_GOLDEN=1 rewrites the expected files instead (then read the diff). The task cases
// also name each task's state as worked out by hand (cases.json "states"), checked on every run
// whatever the expected file says; the review cases name the limitations found and the tasks
// behind them, worked out by hand from the input the same way.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

import { runCli, repoRoot } from '../lib/nqtrack.mjs';

const dir = path.join(repoRoot, 'tests', 'golden', 'assessment');
const cases = JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8'));
const update = process.env.UPDATE_GOLDEN === '1';

// `actual` equals the expected file's JSON (or, with UPDATE_GOLDEN=1, becomes it).
function matchesGolden(file, actual) {
  if (update) {
    writeFileSync(file, JSON.stringify(actual, null, 1) + '\n');
    return;
  }
  assert.ok(existsSync(file), `${path.basename(file)} is missing; run with UPDATE_GOLDEN=1 and review it`);
  assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
}

describe('golden assessments (tests/golden/assessment)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const args = ['assess', '--file', path.join(dir, c.input), '--as-of', c.as_of,
        '--format', 'json'];
      if (c.org) args.push('--org', c.org);
      const r = runCli(args);
      assert.equal(r.code, 0, r.stderr);
      const actual = JSON.parse(r.stdout);
      matchesGolden(path.join(dir, c.expected), actual);
    });
  }

  it('covers every status across its cases', () => {
    const seen = new Set();
    for (const c of cases) {
      const expected = JSON.parse(readFileSync(path.join(dir, c.expected), 'utf8'));
      for (const t of expected.targets) seen.add(t.status);
    }
    for (const s of ['exceeded', 'met', 'on_track', 'behind', 'at_risk', 'not_met', 'pending',
      'no_data']) {
      assert.ok(seen.has(s), `no golden case shows ${s}`);
    }
  });
});

const tasksDir = path.join(repoRoot, 'tests', 'golden', 'tasks');
const taskCases = JSON.parse(readFileSync(path.join(tasksDir, 'cases.json'), 'utf8'));

describe('golden task states (tests/golden/tasks)', () => {
  for (const c of taskCases) {
    it(c.name, () => {
      const r = runCli(['export', 'tasks', '--file', path.join(tasksDir, c.input), '--as-of',
        c.as_of, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const actual = JSON.parse(r.stdout);
      const states = {};
      for (const t of actual.resolutions[0].assigned_tasks) states[t.ref] = t.state;
      assert.deepEqual(states, c.states, 'states differ from the ones worked out by hand');
      matchesGolden(path.join(tasksDir, c.expected), actual);
    });
  }

  it('covers every state across its cases', () => {
    const seen = new Set();
    for (const c of taskCases) for (const s of Object.values(c.states)) seen.add(s);
    for (const s of ['not_assigned', 'done_on_time', 'done_late', 'open_in_time', 'overdue']) {
      assert.ok(seen.has(s), `no golden task case shows ${s}`);
    }
  });
});

const reviewDir = path.join(repoRoot, 'tests', 'golden', 'review');
const reviewCases = JSON.parse(readFileSync(path.join(reviewDir, 'cases.json'), 'utf8'));

describe('golden reviews (tests/golden/review)', () => {
  const input = JSON.parse(readFileSync(path.join(reviewDir, 'bloc.resolution.json'), 'utf8'));
  const refByTitle = new Map(input.assigned_tasks.map((t) => [t.title, t.ref]));
  const refsOf = (lines) => lines.map((l) => refByTitle.get(l.title)).sort();

  for (const c of reviewCases) {
    it(c.name, () => {
      const args = ['review', '--file', path.join(reviewDir, c.input), '--as-of', c.as_of,
        '--kind', c.kind, '--format', 'json'];
      if (c.org) args.push('--org', c.org);
      const r = runCli(args);
      assert.equal(r.code, 0, r.stderr);
      const actual = JSON.parse(r.stdout);
      // Worked out by hand (cases.json), whatever the expected file says.
      assert.deepEqual(actual.findings.map((f) => f.kind), c.findings);
      const lines = (key) => actual.task_sections.flatMap((s) => s[key]);
      assert.deepEqual(refsOf(lines('overdue')), c.overdue ?? []);
      assert.deepEqual(refsOf(lines('done_late')), c.done_late ?? []);
      matchesGolden(path.join(reviewDir, c.expected), actual);
    });
  }

  it('refuses a date outside the term and a resolution without targets', () => {
    const outside = runCli(['review', '--file', path.join(reviewDir, 'bloc.resolution.json'),
      '--as-of', '2020-07-31']);
    assert.equal(outside.code, 1);
    assert.match(outside.stderr, /nằm ngoài Nhiệm kỳ 2020 - 2025/);
  });
});
