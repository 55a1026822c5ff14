// Prerequisite closure of the roots, at most 12 levels (the documented maximum depth),
// The 12 in `*1..12` is lowered to the requested depth (withDepthBound in src/neo4j/cypher.ts).
// with every REQUIRES edge inside it. Distinct end nodes let the planner prune the expansion.
MATCH (r:Concept) WHERE r.id IN $rootIds
OPTIONAL MATCH (r)-[:REQUIRES*1..12]->(x:Concept)
WITH collect(DISTINCT r) + collect(DISTINCT x) AS found
UNWIND found AS n
WITH collect(DISTINCT n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[e:REQUIRES]->(b:Concept)
  RETURN collect([a.id, b.id, e.weight]) AS edges
}
// Ids and [conceptId, prerequisiteId, weight] only: the service keeps the edges inside the
// closure (a Set, not a list search per edge) and reads the concepts from its cache.
RETURN [n IN nodes | n.id] AS nodes, edges
