// Test check: write-locks one concept (the deadlock retry test takes two in opposite orders).
MATCH (c:Concept {id: $id})
SET c.lockProbe = $value
RETURN c.id AS id
