UNWIND $ids AS id
MATCH (child:Topic)-[:PART_OF]->(:Topic {id: id})
RETURN id, child {.*, parentId: id} AS topic
ORDER BY id, topic.id
