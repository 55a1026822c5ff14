// DataLoader batch: one row per id that exists. Times as epoch ms (cheaper to decode than datetimes).
UNWIND $ids AS id
MATCH (c:Concept {id: id})
OPTIONAL MATCH (c)-[:IN_TOPIC]->(t:Topic)
RETURN c {.*, topicId: t.id, createdAt: c.createdAt.epochMillis, updatedAt: c.updatedAt.epochMillis} AS concept
