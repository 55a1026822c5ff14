UNWIND $ids AS id
MATCH (:Learner {id: id})-[:MEMBER_OF]->(k:Class)
RETURN id, k {.*} AS class
ORDER BY id, class.id
