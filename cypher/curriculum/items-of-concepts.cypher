// DataLoader batch: items assessing each concept.
UNWIND $ids AS id
MATCH (i:Item)-[a:ASSESSES]->(:Concept {id: id})
RETURN id, i {.*} AS item, a.weight AS weight
ORDER BY id, item.id
