// Counts of rejected events by code, kept for the data-quality view.
UNWIND $rows AS row
MERGE (s:RejectionStat {code: row.code})
SET s.count = coalesce(s.count, 0) + row.count, s.lastAt = datetime()
RETURN count(s) AS codes
