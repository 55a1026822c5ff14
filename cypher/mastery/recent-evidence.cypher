// For explanations: the last 5 scored events of a learner on each concept, newest first.
UNWIND $conceptIds AS conceptId
MATCH (e:Event {learnerId: $learnerId})
WHERE conceptId IN e.conceptIds AND e.score IS NOT NULL
WITH conceptId, e ORDER BY e.occurredAt DESC
WITH conceptId, collect(e)[0..5] AS last
RETURN conceptId, [x IN last | x.score] AS scores, [x IN last | coalesce(x.hintsUsed, 0)] AS hints
