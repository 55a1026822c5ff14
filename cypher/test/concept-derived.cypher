// Test check: the stored derived properties of some concepts.
UNWIND $ids AS id
MATCH (c:Concept {id: id})
RETURN c.id AS id, c.unlocks AS unlocks, c.root AS root
ORDER BY id
