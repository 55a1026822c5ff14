// Benchmark baseline: the bare minimum write of one answer, one transaction per answer.
MERGE (l:Learner {id: $learnerId})
SET l.rev = randomUUID()
CREATE (e:Event {id: $eventId, learnerId: $learnerId, itemId: $itemId, score: $score, occurredAt: datetime({epochMillis: toInteger($at)}), kind: 'ANSWER'})
WITH l
MATCH (c:Concept {id: $conceptId})
MERGE (l)-[m:MASTERY]->(c)
SET m.p = coalesce(m.p, 0.5) * 0.9 + 0.1 * $score, m.attempts = coalesce(m.attempts, 0) + 1
