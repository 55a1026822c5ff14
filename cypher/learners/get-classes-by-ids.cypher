UNWIND $ids AS id
MATCH (k:Class {id: id})
OPTIONAL MATCH (t:Teacher)-[:TEACHES]->(k)
RETURN k {.*, teacherIds: collect(t.id)} AS class
