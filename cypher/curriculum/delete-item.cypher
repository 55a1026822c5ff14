MATCH (i:Item {id: $id})
DETACH DELETE i
RETURN count(*) AS deleted
