// Every concept with its direct prerequisites and its stored derived properties (unlocks, root),
// so the service can recompute them after a structural change and write only what changed.
MATCH (c:Concept)
OPTIONAL MATCH (c)-[:REQUIRES]->(p:Concept)
RETURN c.id AS id, c.unlocks AS unlocks, c.root AS root, collect(p.id) AS prerequisiteIds
