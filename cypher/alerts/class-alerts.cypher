// Threshold alerts of a class: low mastery after enough attempts, and learners inactive too long.
MATCH (k:Class {id: $classId})<-[:MEMBER_OF]-(l:Learner)
CALL (l) {
  MATCH (l)-[m:MASTERY]->(c:Concept)
  WHERE m.p < $lowMastery AND m.attempts >= $minAttempts
  RETURN collect({kind: 'LOW_MASTERY', learnerId: l.id, conceptId: c.id, p: m.p, attempts: m.attempts, since: m.lastPracticedAt}) AS low
}
WITH l, low,
     CASE WHEN $inactiveDays IS NOT NULL AND (l.lastEventAt IS NULL OR l.lastEventAt < datetime() - duration({days: $inactiveDays}))
          THEN [{kind: 'INACTIVE', learnerId: l.id, conceptId: null, p: null, attempts: null, since: l.lastEventAt}] ELSE [] END AS inactive
UNWIND low + inactive AS alert
RETURN alert
ORDER BY alert.learnerId, alert.kind, alert.conceptId
