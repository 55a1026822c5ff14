// A goal's prerequisite closure for learning paths: the ids of the goal and of everything it
// requires within 12 levels (distinct end nodes let the planner prune the expansion), and every
// REQUIRES edge leaving a concept of it, as [conceptId, prerequisiteId, weight]. The service keeps
// the edges inside the closure; an edge leading outside means the path is cut at 12 levels. An
// unknown goal returns no ids. Curriculum only: the service caches the result per goal and forgets
// it on every edit of the graph; the learner's mastery is read fresh on each request.
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
