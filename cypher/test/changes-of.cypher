// Test helper: the mastery changes caused by some events of one learner, in seq order.
MATCH (c:MasteryChange) WHERE c.learnerId = $learnerId AND c.seq IS NOT NULL AND c.eventId IN $eventIds
RETURN c.seq AS seq, c.conceptId AS conceptId, c.after AS after
ORDER BY c.seq
