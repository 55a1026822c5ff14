// Test check: what a test's data looks like in the database, independent of the API.
CALL () {
  MATCH (c:Concept) WHERE c.id STARTS WITH $prefix RETURN count(c) AS concepts
}
CALL () {
  MATCH (c:Concept)-[r:REQUIRES]->(p:Concept) WHERE c.id STARTS WITH $prefix OR p.id STARTS WITH $prefix
  RETURN count(r) AS prerequisites, collect([c.id, p.id, r.weight]) AS edges
}
CALL () {
  MATCH (i:Item) WHERE i.id STARTS WITH $prefix RETURN count(i) AS items
}
CALL () {
  MATCH (i:Item)-[a:ASSESSES]->(c:Concept) WHERE i.id STARTS WITH $prefix RETURN count(a) AS links
}
RETURN concepts, prerequisites, edges, items, links
