// Every recorded change of a learner's mastery (optionally of one concept, in a time window), oldest first.
MATCH (h:MasteryChange {learnerId: $learnerId})
WHERE ($conceptId IS NULL OR h.conceptId = $conceptId)
  AND ($from IS NULL OR h.at >= datetime($from))
  AND ($to IS NULL OR h.at <= datetime($to))
RETURN h {.*} AS change
ORDER BY h.seq
LIMIT toInteger($limit)
