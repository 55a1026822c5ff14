// The per-request read of the in-memory read path: the learner's model state (as in
// mastery/learner-states.cypher), the stored goal, and the items attempted since $since (epoch ms).
// Everything else (candidates, prerequisites, goal path) comes from the per-process curriculum graph,
// whose freshness the curriculum's version proves (read here: no extra round trip; see
// src/modules/curriculum/freshness.ts).
MATCH (l:Learner {id: $learnerId})
OPTIONAL MATCH (cv:CurriculumVersion {id: 'curriculum'})
OPTIONAL MATCH (l)-[:GOAL]->(storedGoal:Concept)
CALL (l) {
  OPTIONAL MATCH (e:Event {learnerId: l.id})
  WHERE e.occurredAt >= datetime({epochMillis: toInteger($since)}) AND e.itemId IS NOT NULL
  RETURN collect(DISTINCT e.itemId) AS recentItemIds
}
RETURN storedGoal.id AS goalId, recentItemIds, coalesce(cv.n, 0) AS curriculumVersion,
  {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,
   concepts: [(l)-[m:MASTERY]->(c:Concept) | [c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex, m.impliedBy]]} AS state
