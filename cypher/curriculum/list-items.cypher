MATCH (i:Item)
WHERE ($kind IS NULL OR i.kind = $kind)
  AND ($conceptId IS NULL OR EXISTS { (i)-[:ASSESSES]->(:Concept {id: $conceptId}) })
WITH i ORDER BY i.id
WITH collect(i) AS matched
RETURN size(matched) AS total,
       [x IN matched WHERE $after IS NULL OR x.id > $after][0..toInteger($limit)] AS page
