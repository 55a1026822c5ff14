// Test oracle: how many distinct concepts lie downstream of each given concept, up to 12 levels,
// counted by Neo4j's own traversal (independent of the server's graph-analysis code).
UNWIND $ids AS id
MATCH (c:Concept {id: id})
OPTIONAL MATCH (c)<-[:REQUIRES*1..12]-(d:Concept)
RETURN c.id AS id, count(DISTINCT d) AS unlocks, NOT EXISTS { (c)-[:REQUIRES]->(:Concept) } AS root
ORDER BY id
