UNWIND $ids AS id
OPTIONAL MATCH (c:Concept {id: id})
RETURN id, c IS NOT NULL AS exists
