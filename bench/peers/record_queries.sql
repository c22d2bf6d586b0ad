-- The record queries of the analytics benchmark (issue 5: "one million cell-meeting records
-- nationally"), run as they are by every SQL peer after bench/peers/queries.sql;
-- bench/bench_records.cc computes the same answers with nqtrack's record functions
-- (domain/formula.h) over its RecordIndex. Rows (k1, k2, v) and checksums as in queries.sql.
-- Table meetings(org_id, held_on YYYYMMDD, thematic 0/1, present, total) from meetings.csv
-- (bench/national_gen.h), indexed on (held_on) where the engine uses indexes; orgs as in
-- queries.sql. Region 2 is the first province nationally (the first district at province scale).
-- R1: regular meetings in 2023, whole country: record_count(cell_meeting, kind == "regular")
SELECT 0 AS k1, 0 AS k2, COUNT(*) AS v FROM meetings
WHERE thematic = 0 AND held_on BETWEEN 20230101 AND 20231231;
-- R2: meetings in 2023 in region 2: record_count(cell_meeting) for that subtree
SELECT 2 AS k1, 0 AS k2, COUNT(*) AS v
FROM meetings m JOIN orgs o ON o.id = m.org_id
WHERE o.province_id = 2 AND m.held_on BETWEEN 20230101 AND 20231231;
-- R3: organizations of region 2 that met in every month of 2023: record_months(cell_meeting, 1)
SELECT 2 AS k1, 0 AS k2, COUNT(*) AS v FROM (
  SELECT m.org_id FROM meetings m JOIN orgs o ON o.id = m.org_id
  WHERE o.province_id = 2 AND m.held_on BETWEEN 20230101 AND 20231231
  GROUP BY m.org_id HAVING COUNT(DISTINCT m.held_on - m.held_on % 100) = 12) t;
-- R4: members present per meeting in 2023, whole country: record_avg(cell_meeting, members_present)
SELECT 0 AS k1, 0 AS k2, AVG(present) AS v FROM meetings
WHERE held_on BETWEEN 20230101 AND 20231231;
