// Puts the analytics benchmark's engines side by side (scripts/bench-analytics): reads the
// "NQBENCH {json}" lines (bench/bench_report.h) of every engine from the files given, prints one
// table — median ms per query, nqtrack's time as a fraction of DuckDB's, the goal "at most a
// tenth of DuckDB's time" met or not, whether every engine's checksum is the same — then load
// times, bytes per value, write visibility and the assessment, each with its goal (issue 3,
// "Speed goal"). Exits 1 when the engines' answers differ or a write was not visible.
//   node bench/peers/compare.mjs FILE...
import { readFileSync } from 'node:fs';

const engines = ['nqtrack', 'duckdb', 'postgres', 'sqlite'];
const queries = {};   // name -> engine -> {median_ms, checksum, runs}
const metrics = {};   // engine -> name -> value
const notes = {};     // engine -> name -> text
for (const file of process.argv.slice(2)) {
  let text = '';
  try { text = readFileSync(file, 'utf8'); } catch { continue; }
  for (const l of text.split('\n')) {
    if (!l.startsWith('NQBENCH ')) continue;
    const r = JSON.parse(l.slice(8));
    if (r.kind === 'query') (queries[r.name] ??= {})[r.engine] = r;
    else if (r.kind === 'metric') (metrics[r.engine] ??= {})[r.name] = r.value;
    else if (r.kind === 'note') (notes[r.engine] ??= {})[r.name] = r.text;
  }
}

const fmt = (ms) => (ms === undefined ? '-' : ms < 1 ? ms.toFixed(4) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
const pad = (s, n) => String(s).padStart(n);
let failed = false;

console.log('Median ms per query (warm runs; lower is better):');
console.log(['query', ...engines, 'nqtrack/duckdb', 'goal ≤ 0.1', 'answers'].map((h, i) => (i === 0 ? h.padEnd(6) : pad(h, 15))).join(''));
for (const q of ['Q1', 'Q2', 'Q3', 'Q4']) {
  const row = queries[q] ?? {};
  const ours = row.nqtrack?.median_ms;
  const duck = row.duckdb?.median_ms;
  const ratio = ours !== undefined && duck ? ours / duck : undefined;
  const sums = engines.filter((e) => row[e]).map((e) => row[e].checksum);
  const same = sums.length > 1 && sums.every((s) => s === sums[0]);
  if (sums.length > 1 && !same) failed = true;
  const verdict = ratio === undefined ? '-' : ratio <= 0.1 ? 'met' : 'MISSED';
  const answers = sums.length < 2 ? 'only one engine' : same ? `equal (${sums.length})` : 'DIFFER';
  console.log([q.padEnd(6), ...engines.map((e) => pad(fmt(row[e]?.median_ms), 15)),
    pad(ratio === undefined ? '-' : ratio.toExponential(2), 15), pad(verdict, 15), pad(answers, 15)].join(''));
}
console.log();
for (const q of ['Q1', 'Q2', 'Q3', 'Q4']) {
  for (const e of engines) {
    const r = queries[q]?.[e];
    if (r) console.log(`  ${q} ${e.padEnd(9)} ${r.checksum}   (${r.runs} runs, min ${fmt(r.min_ms)} ms)`);
  }
}
const recordQueries = ['R1', 'R2', 'R3', 'R4'].filter((q) => queries[q]);
if (recordQueries.length) {
  console.log();
  console.log('Records (issue 5): median ms per record query (bench/peers/record_queries.sql):');
  console.log(['query', ...engines, 'nqtrack/duckdb', 'answers'].map((h, i) => (i === 0 ? h.padEnd(6) : pad(h, 15))).join(''));
  for (const q of recordQueries) {
    const row = queries[q];
    const ours = row.nqtrack?.median_ms;
    const duck = row.duckdb?.median_ms;
    const sums = engines.filter((e) => row[e]).map((e) => row[e].checksum);
    const same = sums.length > 1 && sums.every((s) => s === sums[0]);
    if (sums.length > 1 && !same) failed = true;
    console.log([q.padEnd(6), ...engines.map((e) => pad(fmt(row[e]?.median_ms), 15)),
      pad(ours !== undefined && duck ? (ours / duck).toExponential(2) : '-', 15),
      pad(sums.length < 2 ? 'only one engine' : same ? `equal (${sums.length})` : 'DIFFER', 15)].join(''));
  }
  for (const q of recordQueries) {
    for (const e of engines) {
      const r = queries[q]?.[e];
      if (r) console.log(`  ${q} ${e.padEnd(9)} ${r.checksum}   (${r.runs} runs, min ${fmt(r.min_ms)} ms)`);
    }
  }
  for (const e of engines) {
    const mm = metrics[e];
    if (mm?.records !== undefined) {
      console.log(`  ${e.padEnd(9)} records load ${pad(mm.records_load_s?.toFixed(2) ?? '-', 8)} s   ${mm.records} records`);
    }
  }
  const nm = metrics.nqtrack ?? {};
  if (nm.bytes_per_record !== undefined) {
    console.log(`nqtrack record memory: ${nm.bytes_per_record.toFixed(1)} bytes/record (RecordIndex::MemoryBytes)`);
  }
  const rset = queries['record_insert+R2']?.nqtrack;
  const rvisible = notes.nqtrack?.record_write_visible;
  if (rvisible !== undefined) {
    if (rvisible !== 'yes') failed = true;
    console.log(`record write visibility: Insert then R2 ${fmt(rset?.median_ms)} ms, seen by the very next query: ${rvisible}`);
  }
}
console.log();
console.log('Load (seconds, from the generated data; for nqtrack the time spent in ValueIndex::Load):');
for (const e of engines) {
  const m = metrics[e];
  if (m) console.log(`  ${e.padEnd(9)} ${pad(m.load_s?.toFixed(1) ?? '-', 8)} s   ${m.values ?? '-'} values`);
}
const m = metrics.nqtrack ?? {};
if (m.bytes_per_value !== undefined) {
  const ok = m.bytes_per_value <= 16;
  console.log(`nqtrack memory: ${m.bytes_per_value.toFixed(2)} bytes/value (ValueIndex::MemoryBytes), ` +
              `peak RSS of the process ${m.peak_rss_mb?.toFixed(0)} MB — goal ≤ 16: ${ok ? 'met' : 'MISSED'}`);
}
const set = queries.set?.nqtrack;
const setQ1 = queries['set+Q1']?.nqtrack;
const visible = notes.nqtrack?.write_visible;
if (visible !== undefined) {
  if (visible !== 'yes') failed = true;
  console.log(`write visibility: Set ${fmt(set?.median_ms)} ms, Set then Q1 ${fmt(setQ1?.median_ms)} ms, ` +
              `the change seen by the very next query: ${visible}`);
}
const assess = queries.assess?.nqtrack;
if (assess) {
  console.log(`full assessment, 7 targets × every province: ${fmt(assess.median_ms)} ms — goal < 50 ms: ` +
              `${assess.median_ms < 50 ? 'met' : 'MISSED'}   (${assess.checksum})`);
} else if (notes.nqtrack?.assess) {
  console.log(`full assessment: ${notes.nqtrack.assess}`);
}
if (notes.nqtrack?.assess_errors) console.log(`assessment errors: ${notes.nqtrack.assess_errors}`);
for (const e of engines.slice(1)) {
  if (notes[e]?.skipped) console.log(`${e}: skipped — ${notes[e].skipped}`);
}
if (failed) console.log('FAILED: the engines do not agree, or a write was not visible.');
process.exit(failed ? 1 : 0);
