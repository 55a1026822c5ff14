// addPrerequisite in one statement, so the prerequisite lock is held for one round trip: take the
// lock (every edge edit takes it first, so cycle checks are serialised and each sees the edges
// committed before it), check both concepts, look for a path back from the prerequisite to the
// concept (the new edge would close a cycle), and only then merge the edge and clear `root`.
MERGE (l:CurriculumLock {id: 'prerequisites'})
SET l.version = coalesce(l.version, 0) + 1
WITH l
OPTIONAL MATCH (c:Concept {id: $conceptId})
OPTIONAL MATCH (p:Concept {id: $prerequisiteId})
OPTIONAL CALL (c, p) {
  WITH c, p WHERE c IS NOT NULL AND p IS NOT NULL
  MATCH path = shortestPath((p)-[:REQUIRES*1..500]->(c))
  RETURN [n IN nodes(path) | n.id] AS back
}
OPTIONAL CALL (c, p, back) {
  WITH c, p WHERE c IS NOT NULL AND p IS NOT NULL AND back IS NULL
  MERGE (c)-[r:REQUIRES]->(p)
  ON CREATE SET r.weight = $weight, r.createdAt = datetime()
  ON MATCH SET r.weight = $weight
  SET r.updatedAt = datetime(), c.root = false
  RETURN r.weight AS weight
}
RETURN c IS NOT NULL AS conceptExists, p IS NOT NULL AS prerequisiteExists, back, weight
