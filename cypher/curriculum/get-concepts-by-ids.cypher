// DataLoader batch: one row per id that exists.
UNWIND $ids AS id
MATCH (c:Concept {id: id})
OPTIONAL MATCH (c)-[:IN_TOPIC]->(t:Topic)
RETURN c {.*, topicId: t.id} AS concept
