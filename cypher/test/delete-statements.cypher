// Test cleanup: statements by id (those with no learner).
UNWIND $ids AS id
MATCH (s:Statement {id: id})
DETACH DELETE s
RETURN count(*) AS deleted
