// Every recorded change of a learner's mastery (optionally of one concept, in a time window), oldest first.
// (seq IS NOT NULL, true of every change, lets the planner seek the mastery_change_learner index
// on (learnerId, seq) in seq order instead of scanning every change.)
MATCH (h:MasteryChange {learnerId: $learnerId})
WHERE h.seq IS NOT NULL
  AND ($conceptId IS NULL OR h.conceptId = $conceptId)
  AND ($from IS NULL OR h.at >= datetime($from))
  AND ($to IS NULL OR h.at <= datetime($to))
RETURN h {.*} AS change
ORDER BY h.seq
LIMIT toInteger($limit)
