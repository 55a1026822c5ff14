// Test helper: the newest stored mastery change of one learner on one concept.
MATCH (c:MasteryChange) WHERE c.learnerId = $learnerId AND c.seq IS NOT NULL AND c.conceptId = $conceptId
RETURN c.after AS after, c.seq AS seq
ORDER BY c.seq DESC LIMIT 1
