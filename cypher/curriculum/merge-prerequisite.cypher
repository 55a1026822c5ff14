MATCH (c:Concept {id: $conceptId}), (p:Concept {id: $prerequisiteId})
MERGE (c)-[r:REQUIRES]->(p)
ON CREATE SET r.weight = $weight, r.createdAt = datetime()
ON MATCH SET r.weight = $weight
SET r.updatedAt = datetime()
RETURN c.id AS conceptId, p.id AS prerequisiteId, r.weight AS weight
