MATCH (t:Topic)
WHERE $level IS NULL OR t.level = $level
OPTIONAL MATCH (t)-[:PART_OF]->(parent:Topic)
RETURN t {.*, parentId: parent.id} AS topic
ORDER BY t.id
