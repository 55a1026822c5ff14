// DataLoader batch: direct prerequisites of each concept.
UNWIND $ids AS id
MATCH (:Concept {id: id})-[r:REQUIRES]->(p:Concept)
RETURN id, p.id AS otherId, r.weight AS weight
ORDER BY id, otherId
