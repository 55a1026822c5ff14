// Test setup: bare concepts for the transaction tests (removed with test/delete-by-prefix).
UNWIND $ids AS id
MERGE (c:Concept {id: id})
  ON CREATE SET c.name = id, c.description = "", c.tags = []
RETURN count(c) AS created
