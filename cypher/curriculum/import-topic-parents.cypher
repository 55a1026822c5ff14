UNWIND $rows AS row
MATCH (t:Topic {id: row.id}), (parent:Topic {id: row.parentId})
OPTIONAL MATCH (t)-[old:PART_OF]->(other:Topic) WHERE other.id <> row.parentId
DELETE old
MERGE (t)-[:PART_OF]->(parent)
RETURN count(*) AS written
