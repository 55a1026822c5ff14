UNWIND $ids AS id
MATCH (t:Topic {id: id})
OPTIONAL MATCH (t)-[:PART_OF]->(parent:Topic)
RETURN t {.*, parentId: parent.id} AS topic
