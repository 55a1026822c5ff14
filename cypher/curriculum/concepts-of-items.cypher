// DataLoader batch: concepts each item assesses.
UNWIND $ids AS id
MATCH (:Item {id: id})-[a:ASSESSES]->(c:Concept)
RETURN id, c.id AS conceptId, a.weight AS weight
ORDER BY id, conceptId
