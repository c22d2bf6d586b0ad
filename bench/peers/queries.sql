-- The benchmark's queries (issue 3, "Speed goal"), run as they are by every SQL peer
-- (bench/sqlite_peer.cc, bench/pg_peer.cc, bench/peers/duckdb_peer.mjs); bench/analytics_bench.cc
-- computes the same answers over nqtrack's index. Each returns rows (k1, k2, v), from which every
-- engine computes the same checksum (bench/bench_report.h). `:leaf_level` is replaced by the
-- level of the grassroots organizations (3 nationally, 2 at province scale).
-- Tables: orgs(id, parent_id, level, province_id, pre, pre_end), vals(org_id, element_id, period
-- YYYYMM, value); index on vals(element_id, period) where the engine uses indexes.
-- Q1: element 1, the 2023 sum per province
SELECT o.province_id AS k1, 0 AS k2, SUM(v.value) AS v
FROM vals v JOIN orgs o ON o.id = v.org_id
WHERE v.element_id = 1 AND v.period BETWEEN 202301 AND 202312
GROUP BY o.province_id;
-- Q2: element 2, the monthly series per province over the term (k2: months since 2000M01)
SELECT o.province_id AS k1, ((v.period - v.period % 100) / 100 - 2000) * 12 + v.period % 100 - 1 AS k2,
       SUM(v.value) AS v
FROM vals v JOIN orgs o ON o.id = v.org_id
WHERE v.element_id = 2 AND v.period BETWEEN 202008 AND 202507
GROUP BY o.province_id, v.period;
-- Q3: yearly totals of every element for the country (k2: year - 2000)
SELECT element_id AS k1, (period - period % 100) / 100 - 2000 AS k2, SUM(value) AS v
FROM vals
WHERE period BETWEEN 202008 AND 202507
GROUP BY 1, 2;
-- Q4: per province, grassroots organizations whose 2023 sum of element 3 is at least 100
SELECT o.province_id AS k1, 0 AS k2, COUNT(*) AS v
FROM (SELECT org_id, SUM(value) AS s FROM vals
      WHERE element_id = 3 AND period BETWEEN 202301 AND 202312
      GROUP BY org_id) t
JOIN orgs o ON o.id = t.org_id
WHERE t.s >= 100 AND o.level = :leaf_level
GROUP BY o.province_id;
