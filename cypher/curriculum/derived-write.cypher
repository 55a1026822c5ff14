// Stores recomputed derived properties: how many concepts a concept unlocks downstream (12
// levels) and whether it has no prerequisite (indexed: the frontier starts from the roots).
UNWIND $rows AS row
MATCH (c:Concept {id: row.id})
SET c.unlocks = row.unlocks, c.root = row.root
