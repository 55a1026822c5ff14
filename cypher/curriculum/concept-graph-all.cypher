// The whole concept graph for the per-process copy (CurriculumGraph): one list per concept,
// [id, name, topicId, unlocks, root, [[prerequisiteId, weight], ...]]. Stored derived properties
// (unlocks, root) are read as stored, exactly what the full traversal reads.
MATCH (c:Concept)
CALL (c) {
  OPTIONAL MATCH (c)-[:IN_TOPIC]->(t:Topic)
  RETURN t.id AS topicId
  LIMIT 1
}
CALL (c) {
  OPTIONAL MATCH (c)-[r:REQUIRES]->(p:Concept)
  RETURN collect([p.id, r.weight]) AS prerequisites
}
RETURN collect([c.id, c.name, topicId, coalesce(c.unlocks, 0), coalesce(c.root, false), [x IN prerequisites WHERE x[0] IS NOT NULL]]) AS concepts
