// Golden files (tests/golden/README.md): `nqtrack assess --file` and `nqtrack export tasks
// --file` on fixed resolution files at fixed dates, compared with the expected JSON kept beside
// them. UPDATE_GOLDEN=1 rewrites the expected files instead (then read the diff). The task cases
// also name each task's state as worked out by hand (cases.json "states"), checked on every run
// whatever the expected file says.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

import { runCli, repoRoot } from '../lib/nqtrack.mjs';

const dir = path.join(repoRoot, 'tests', 'golden', 'assessment');
const cases = JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8'));
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden assessments (tests/golden/assessment)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const args = ['assess', '--file', path.join(dir, c.input), '--as-of', c.as_of,
        '--format', 'json'];
      if (c.org) args.push('--org', c.org);
      const r = runCli(args);
      assert.equal(r.code, 0, r.stderr);
      const actual = JSON.parse(r.stdout);
      const file = path.join(dir, c.expected);
      if (update) {
        writeFileSync(file, JSON.stringify(actual, null, 1) + '\n');
        return;
      }
      assert.ok(existsSync(file), `${c.expected} is missing; run with UPDATE_GOLDEN=1 and review it`);
      assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
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
      const file = path.join(tasksDir, c.expected);
      if (update) {
        writeFileSync(file, JSON.stringify(actual, null, 1) + '\n');
        return;
      }
      assert.ok(existsSync(file), `${c.expected} is missing; run with UPDATE_GOLDEN=1 and review it`);
      assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
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
