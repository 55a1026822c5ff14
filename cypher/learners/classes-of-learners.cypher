UNWIND $ids AS id
MATCH (:Learner {id: id})-[:MEMBER_OF]->(k:Class)
RETURN id, k {.id, .name, teacherIds: [(t:Teacher)-[:TEACHES]->(k) | t.id]} AS class
ORDER BY id, class.id
