// A learning path's data in one round trip: the learner's model state (as in
// mastery/learner-states.cypher), the goal's prerequisite
// closure (at most 12 levels; distinct end nodes let the planner prune the expansion) and every
// REQUIRES edge leaving a concept of it. The service keeps the edges inside the closure; an edge
// leading outside means the path is cut at 12 levels. No goal: empty nodes.
OPTIONAL MATCH (l:Learner {id: $learnerId})
CALL () {
  OPTIONAL MATCH (r:Concept {id: $goalId})
  OPTIONAL MATCH (r)-[:REQUIRES*1..12]->(x:Concept)
  WITH collect(DISTINCT r) + collect(DISTINCT x) AS found
  UNWIND found AS n
  WITH collect(DISTINCT n) AS nodes
  RETURN nodes, reduce(all = [], a IN nodes | all + [(a)-[e:REQUIRES]->(b:Concept) | {conceptId: a.id, prerequisiteId: b.id, weight: e.weight}]) AS edges
}
RETURN CASE WHEN l IS NULL THEN null ELSE {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,
  concepts: [(l)-[m:MASTERY]->(c:Concept) | [c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex]]} END AS state, nodes, edges
