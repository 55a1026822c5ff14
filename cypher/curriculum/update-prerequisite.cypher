MATCH (c:Concept {id: $conceptId})-[r:REQUIRES]->(p:Concept {id: $prerequisiteId})
SET r.weight = $weight, r.updatedAt = datetime()
RETURN c.id AS conceptId, p.id AS prerequisiteId, r.weight AS weight
