MATCH (i:Item {id: $itemId}), (c:Concept {id: $conceptId})
MERGE (i)-[a:ASSESSES]->(c)
SET a.weight = $weight
RETURN i {.*} AS item
