// Dependent closure of the roots, at most 12 levels, with every REQUIRES edge inside it.
// The 12 in `*1..12` is lowered to the requested depth (withDepthBound in src/neo4j/cypher.ts).
MATCH (r:Concept) WHERE r.id IN $rootIds
OPTIONAL MATCH (x:Concept)-[:REQUIRES*1..12]->(r)
WITH collect(DISTINCT r) + collect(DISTINCT x) AS found
UNWIND found AS n
WITH collect(DISTINCT n) AS nodes
UNWIND nodes AS a
OPTIONAL MATCH (a)-[e:REQUIRES]->(b:Concept) WHERE b IN nodes
RETURN nodes, collect(CASE WHEN b IS NULL THEN null ELSE {conceptId: a.id, prerequisiteId: b.id, weight: e.weight} END) AS edges
