MATCH (:Teacher {id: $teacherId})-[:TEACHES]->(k:Class)
RETURN k {.*} AS class
ORDER BY k.id
