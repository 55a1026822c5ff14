// The concepts each item assesses, and the item's designer-set difficulty (logits; null when unset).
UNWIND $ids AS id
MATCH (i:Item {id: id})
OPTIONAL MATCH (i)-[a:ASSESSES]->(c:Concept)
WITH i, c, a ORDER BY c.id
RETURN i.id AS id, i.kind AS kind, i.difficulty AS difficulty,
       [x IN collect({conceptId: c.id, weight: a.weight}) WHERE x.conceptId IS NOT NULL] AS concepts
