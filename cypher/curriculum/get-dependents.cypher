// Concepts that list $id as a direct prerequisite.
MATCH (d:Concept)-[:REQUIRES]->(:Concept {id: $id})
RETURN d.id AS id ORDER BY id
