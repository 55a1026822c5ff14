// Counts of rejected events by code (since the start), and by day received, source and code (the
// drift windows' share of unknown items, unknown concepts and future events), for data quality.
UNWIND $rows AS row
MERGE (s:RejectionStat {code: row.code})
SET s.count = coalesce(s.count, 0) + row.count, s.lastAt = datetime()
WITH s, row
MERGE (d:RejectionDay {key: row.day + '|' + row.source + '|' + row.code})
ON CREATE SET d.day = row.day, d.source = row.source, d.code = row.code, d.count = 0
SET d.count = d.count + row.count
RETURN count(s) AS codes
