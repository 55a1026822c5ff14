// Cursor pagination by id; $search is lower-cased by the caller.
MATCH (c:Concept)
WHERE ($search IS NULL OR toLower(c.name) CONTAINS $search OR toLower(coalesce(c.description, '')) CONTAINS $search)
  AND ($tag IS NULL OR $tag IN c.tags)
  AND ($topicId IS NULL OR EXISTS { (c)-[:IN_TOPIC]->(:Topic)-[:PART_OF*0..3]->(:Topic {id: $topicId}) })
WITH c ORDER BY c.id
WITH collect(c) AS matched
RETURN size(matched) AS total,
       [x IN matched WHERE $after IS NULL OR x.id > $after][0..toInteger($limit)] AS page
