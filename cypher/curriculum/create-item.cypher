CREATE (i:Item {
  id: $id, kind: $kind, title: $title, difficulty: $difficulty, url: $url, attributes: $attributes,
  createdAt: datetime(), updatedAt: datetime()
})
WITH i
UNWIND (CASE WHEN size($links) = 0 THEN [null] ELSE $links END) AS link
OPTIONAL MATCH (c:Concept {id: link.conceptId})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END |
  MERGE (i)-[a:ASSESSES]->(c) SET a.weight = link.weight)
WITH DISTINCT i
RETURN i {.*} AS item
