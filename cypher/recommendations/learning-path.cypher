// A learning path's data in one round trip: the learner's model state (as in
// mastery/learner-states.cypher), the ids in the goal's prerequisite closure (at most 12 levels;
// distinct end nodes let the planner prune the expansion) and every REQUIRES edge leaving a
// concept of it, as [conceptId, prerequisiteId, weight]. The service keeps the edges inside the
// closure; an edge leading outside means the path is cut at 12 levels. No goal: no ids. Only ids
// and numbers travel: the steps' concepts come from the concept cache.
OPTIONAL MATCH (l:Learner {id: $learnerId})
CALL () {
  OPTIONAL MATCH (r:Concept {id: $goalId})
  OPTIONAL MATCH (r)-[:REQUIRES*1..12]->(x:Concept)
  WITH collect(DISTINCT r) + collect(DISTINCT x) AS found
  UNWIND found AS n
  WITH collect(DISTINCT n) AS nodes
  CALL (nodes) {
    UNWIND nodes AS a
    MATCH (a)-[e:REQUIRES]->(b:Concept)
    RETURN collect([a.id, b.id, e.weight]) AS edges
  }
  RETURN [a IN nodes | a.id] AS nodes, edges
}
RETURN CASE WHEN l IS NULL THEN null ELSE {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,
  concepts: [(l)-[m:MASTERY]->(c:Concept) | [c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex]]} END AS state, nodes, edges
