// Null fields keep their value; $setTopic distinguishes "leave topic" from "clear topic".
MATCH (c:Concept {id: $id})
SET c.name = coalesce($name, c.name),
    c.description = CASE WHEN $setDescription THEN $description ELSE c.description END,
    c.tags = coalesce($tags, c.tags),
    c.updatedAt = datetime()
WITH c
CALL (c) {
  WITH c WHERE $setTopic
  OPTIONAL MATCH (c)-[old:IN_TOPIC]->(:Topic)
  DELETE old
  WITH DISTINCT c
  OPTIONAL MATCH (t:Topic {id: $topicId})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (c)-[:IN_TOPIC]->(t))
}
OPTIONAL MATCH (c)-[:IN_TOPIC]->(t:Topic)
RETURN c {.*, topicId: t.id} AS concept
