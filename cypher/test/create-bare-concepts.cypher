// Test setup: bare concepts for the transaction tests (removed with test/delete-by-prefix). They
// carry the timestamps every concept the server writes has: other test files read the whole
// curriculum meanwhile (snapshots, listings), and a concept without them fails their row check.
UNWIND $ids AS id
MERGE (c:Concept {id: id})
  ON CREATE SET c.name = id, c.description = "", c.tags = [], c.createdAt = datetime(), c.updatedAt = datetime()
RETURN count(c) AS created
