UNWIND $ids AS id
MATCH (k:Class {id: id})
OPTIONAL MATCH (t:Teacher)-[:TEACHES]->(k)
WITH k, collect(t.id) AS teacherIds
RETURN k {.*, teacherIds: teacherIds} AS class
