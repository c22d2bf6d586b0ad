// The DuckDB peer of the analytics benchmark (scripts/bench-analytics), through @duckdb/node-api
// (installed into bench/peers/node_modules by the script; not a dependency of nqtrack itself).
// Loads DIR/orgs.csv and DIR/values.csv (bench/national_gen.h) into an in-memory database with
// threads = 2, runs bench/peers/queries.sql and prints the same lines as the C++ engines
// (bench/bench_report.h): "NQBENCH {json}" with median times and checksums.
// With --record-queries, DIR/meetings.csv is loaded too and bench/peers/record_queries.sql run
// after queries.sql.
//   node bench/peers/duckdb_peer.mjs --data DIR --queries FILE [--record-queries FILE]
//                                    [--runs N] [--budget-ms MS] [--threads N]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (i % 2 === 0 ? [...acc, [a.replace(/^--/, ''), all[i + 1]]] : acc), []));
const dir = args.data;
const queriesPath = args.queries;
const runs = Number(args.runs ?? 7);
const budgetMs = Number(args['budget-ms'] ?? 60000);
const threads = String(args.threads ?? 2);
if (!dir || !queriesPath) {
  console.error('usage: node duckdb_peer.mjs --data DIR --queries FILE [--runs N] [--threads N]');
  process.exit(2);
}

// Same format as nq::bench::Checksum.
function checksum(rows) {
  let n = 0, s = 0, w = 0;
  for (const [k1, k2, v] of rows) {
    if (v === 0) continue;
    n += 1;
    s += v;
    w += v * (k1 + 1000 * k2);
  }
  return `n=${n} s=${s.toFixed(2)} w=${w.toFixed(2)}`;
}

function line(obj) {
  console.log('NQBENCH ' + JSON.stringify(obj));
}

function median(v) {
  const a = [...v].sort((x, y) => x - y);
  const m = Math.floor(a.length / 2);
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

// bench/peers/queries.sql: "-- Qn: ..." starts a query; other comment lines are skipped.
function readQueries(path, leafLevel) {
  const out = [];
  for (const l of readFileSync(path, 'utf8').split('\n')) {
    if (l.startsWith('-- Q') || l.startsWith('-- R')) out.push({ name: l.slice(3).split(':')[0], sql: '' });
    else if (!l.startsWith('--') && out.length) out[out.length - 1].sql += l + '\n';
  }
  for (const q of out) q.sql = q.sql.trim().replace(/;$/, '').replaceAll(':leaf_level', String(leafLevel));
  return out;
}

const instance = await DuckDBInstance.create(':memory:', { threads });
const con = await instance.connect();
console.error(`  duckdb: loading ${dir} (threads=${threads})`);
const t0 = performance.now();
await con.run(`CREATE TABLE orgs AS SELECT * FROM read_csv('${dir}/orgs.csv', header = true,
  columns = {'id': 'BIGINT', 'parent_id': 'BIGINT', 'level': 'INTEGER', 'province_id': 'BIGINT',
             'pre': 'INTEGER', 'pre_end': 'INTEGER'})`);
await con.run(`CREATE TABLE vals AS SELECT * FROM read_csv('${dir}/values.csv', header = true,
  columns = {'org_id': 'BIGINT', 'element_id': 'INTEGER', 'period': 'INTEGER', 'value': 'DOUBLE'})`);
const loadS = (performance.now() - t0) / 1000;
const count = Number((await con.runAndReadAll('SELECT count(*) FROM vals')).getRows()[0][0]);
const leaf = Number((await con.runAndReadAll('SELECT max(level) FROM orgs')).getRows()[0][0]);
console.log(`  duckdb   load_s                 ${loadS.toFixed(4)}`);
line({ engine: 'duckdb', kind: 'metric', name: 'load_s', value: loadS });
line({ engine: 'duckdb', kind: 'metric', name: 'values', value: count });

const queries = readQueries(queriesPath, leaf);
if (args['record-queries']) {
  const t1 = performance.now();
  await con.run(`CREATE TABLE meetings AS SELECT * FROM read_csv('${dir}/meetings.csv', header = true,
    columns = {'org_id': 'BIGINT', 'held_on': 'INTEGER', 'thematic': 'INTEGER', 'present': 'INTEGER',
               'total': 'INTEGER'})`);
  const recordsLoadS = (performance.now() - t1) / 1000;
  const records = Number((await con.runAndReadAll('SELECT count(*) FROM meetings')).getRows()[0][0]);
  line({ engine: 'duckdb', kind: 'metric', name: 'records_load_s', value: recordsLoadS });
  line({ engine: 'duckdb', kind: 'metric', name: 'records', value: records });
  queries.push(...readQueries(args['record-queries'], leaf));
}

for (const q of queries) {
  let rows = [];
  const once = async () => {
    const t = performance.now();
    const reader = await con.runAndReadAll(q.sql);
    rows = reader.getRows().map((r) => r.map(Number));
    return performance.now() - t;
  };
  const warm = await once();
  let n = runs;
  if (warm * n > budgetMs) n = warm * 3 > budgetMs ? 3 : Math.floor(budgetMs / warm);
  if (n < 3) n = 3;
  const ms = [];
  for (let i = 0; i < n; i++) ms.push(await once());
  const sum = checksum(rows);
  const med = median(ms);
  const min = Math.min(...ms);
  console.log(`  duckdb   ${q.name.padEnd(4)} median ${med.toFixed(4).padStart(12)} ms  min ${min.toFixed(4).padStart(12)} ms  (${n} runs)  ${sum}`);
  line({ engine: 'duckdb', kind: 'query', name: q.name, median_ms: med, min_ms: min, runs: n, checksum: sum });
}
