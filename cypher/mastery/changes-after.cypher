// Catch-up for live clients: a learner's mastery changes after a sequence number, in order.
MATCH (h:MasteryChange {learnerId: $learnerId})
WHERE h.seq > $afterSequence
RETURN h {.*} AS change
ORDER BY h.seq
LIMIT toInteger($limit)
