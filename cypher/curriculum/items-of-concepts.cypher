// DataLoader batch: items assessing each concept. Times as epoch ms (cheaper to decode than datetimes).
UNWIND $ids AS id
MATCH (i:Item)-[a:ASSESSES]->(:Concept {id: id})
RETURN id, i {.*, createdAt: i.createdAt.epochMillis, updatedAt: i.updatedAt.epochMillis} AS item, a.weight AS weight
ORDER BY id, item.id
