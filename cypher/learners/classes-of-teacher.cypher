MATCH (:Teacher {id: $teacherId})-[:TEACHES]->(k:Class)
RETURN k {.id, .name, teacherIds: [(t:Teacher)-[:TEACHES]->(k) | t.id]} AS class
ORDER BY k.id
