// Concepts in a topic or in any topic below it (topic -> chapter -> subject is 3 levels).
UNWIND $ids AS id
MATCH (c:Concept)-[:IN_TOPIC]->(:Topic)-[:PART_OF*0..3]->(:Topic {id: id})
RETURN id, c.id AS conceptId
ORDER BY id, conceptId
