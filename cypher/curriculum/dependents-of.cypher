// DataLoader batch: direct dependents of each concept.
UNWIND $ids AS id
MATCH (d:Concept)-[r:REQUIRES]->(:Concept {id: id})
RETURN id, d.id AS otherId, r.weight AS weight
ORDER BY id, otherId
