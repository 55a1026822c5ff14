// Some concepts' rows of the per-process graph copy, in the shape of concept-graph-all.cypher:
// [id, name, topicId, unlocks, root, [[prerequisiteId, weight], ...]]. Used to patch the copy after
// edits of those concepts' own records (CurriculumService.patchGraph); ids not found are absent.
MATCH (c:Concept) WHERE c.id IN $ids
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
