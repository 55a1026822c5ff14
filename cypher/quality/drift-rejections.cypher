// Rejected events per source, window and code, by day received (days as YYYY-MM-DD text).
MATCH (d:RejectionDay)
WHERE d.day >= $fromDay AND d.day < $toDay AND ($sources IS NULL OR d.source IN $sources)
RETURN d.source AS source, CASE WHEN d.day >= $splitDay THEN 'recent' ELSE 'baseline' END AS window, d.code AS code, sum(d.count) AS count
