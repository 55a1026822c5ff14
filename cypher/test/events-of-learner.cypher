// Test check: the stored events of one learner, oldest first.
MATCH (e:Event) WHERE e.learnerId = $learnerId AND e.occurredAt IS NOT NULL
RETURN e.id AS id, e.kind AS kind, e.score AS score, e.itemId AS itemId
ORDER BY e.occurredAt
