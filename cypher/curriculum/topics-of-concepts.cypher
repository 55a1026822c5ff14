UNWIND $ids AS id
MATCH (:Concept {id: id})-[:IN_TOPIC]->(t:Topic)
OPTIONAL MATCH (t)-[:PART_OF]->(parent:Topic)
RETURN id, t {.*, parentId: parent.id} AS topic
