CREATE (c:Concept {
  id: $id, name: $name, description: $description, tags: $tags, attributes: $attributes,
  createdAt: datetime(), updatedAt: datetime()
})
WITH c
OPTIONAL MATCH (t:Topic {id: $topicId})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (c)-[:IN_TOPIC]->(t))
RETURN c {.*, topicId: t.id} AS concept
