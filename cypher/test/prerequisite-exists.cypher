// Whether the prerequisite edge is stored, read directly (not through the API).
OPTIONAL MATCH (:Concept {id: $conceptId})-[r:REQUIRES]->(:Concept {id: $prerequisiteId})
RETURN r IS NOT NULL AS exists
