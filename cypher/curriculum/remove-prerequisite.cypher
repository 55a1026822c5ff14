MATCH (:Concept {id: $conceptId})-[r:REQUIRES]->(:Concept {id: $prerequisiteId})
DELETE r
RETURN count(*) AS removed
