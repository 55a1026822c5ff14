// Prerequisite and dependent closures of the roots, at most 12 levels each way.
// The 12 in `*1..12` is lowered to the requested depth (withDepthBound in src/neo4j/cypher.ts).
MATCH (r:Concept) WHERE r.id IN $rootIds
OPTIONAL MATCH (r)-[:REQUIRES*1..12]->(x:Concept)
WITH collect(DISTINCT r) AS roots, collect(DISTINCT x) AS prereqs
UNWIND roots AS r
OPTIONAL MATCH (y:Concept)-[:REQUIRES*1..12]->(r)
WITH roots, prereqs, collect(DISTINCT y) AS deps
UNWIND roots + prereqs + deps AS n
WITH collect(DISTINCT n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[e:REQUIRES]->(b:Concept)
  RETURN collect([a.id, b.id, e.weight]) AS edges
}
// Ids and [conceptId, prerequisiteId, weight] only: the service keeps the edges inside the
// closure (a Set, not a list search per edge) and reads the concepts from its cache.
RETURN [n IN nodes | n.id] AS nodes, edges
