// For explanations: the last 5 scored events of a learner on each concept, newest first.
// Starts from the learner's events (event_learner index), never from all events.
MATCH (e:Event)
WHERE e.learnerId = $learnerId AND e.occurredAt IS NOT NULL AND e.score IS NOT NULL
WITH e ORDER BY e.occurredAt DESC
UNWIND [c IN e.conceptIds WHERE c IN $conceptIds] AS conceptId
WITH conceptId, collect(e)[0..5] AS last
RETURN conceptId, [x IN last | x.score] AS scores, [x IN last | coalesce(x.hintsUsed, 0)] AS hints
