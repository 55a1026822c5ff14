MATCH (i:Item {id: $itemId})
OPTIONAL MATCH (i)-[a:ASSESSES]->(:Concept {id: $conceptId})
DELETE a
RETURN i {.*} AS item, count(a) AS removed
