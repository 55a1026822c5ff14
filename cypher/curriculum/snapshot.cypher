// The whole curriculum as lists, for validation, reports and export.
CALL () {
  MATCH (c:Concept)
  OPTIONAL MATCH (c)-[:IN_TOPIC]->(t:Topic)
  RETURN collect(c {.*, topicId: t.id, itemCount: COUNT { (:Item)-[:ASSESSES]->(c) }}) AS concepts
}
CALL () {
  MATCH (c:Concept)-[r:REQUIRES]->(p:Concept)
  RETURN collect({conceptId: c.id, prerequisiteId: p.id, weight: r.weight}) AS prerequisites
}
CALL () {
  MATCH (i:Item)
  OPTIONAL MATCH (i)-[a:ASSESSES]->(c:Concept)
  WITH i, collect(CASE WHEN c IS NULL THEN null ELSE {conceptId: c.id, weight: a.weight} END) AS links
  RETURN collect(i {.*, links: links}) AS items
}
CALL () {
  MATCH (t:Topic)
  OPTIONAL MATCH (t)-[:PART_OF]->(parent:Topic)
  RETURN collect(t {.*, parentId: parent.id}) AS topics
}
RETURN concepts, prerequisites, items, topics
