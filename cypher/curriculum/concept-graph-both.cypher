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
UNWIND nodes AS a
OPTIONAL MATCH (a)-[e:REQUIRES]->(b:Concept) WHERE b IN nodes
RETURN nodes, collect(CASE WHEN b IS NULL THEN null ELSE {conceptId: a.id, prerequisiteId: b.id, weight: e.weight} END) AS edges
