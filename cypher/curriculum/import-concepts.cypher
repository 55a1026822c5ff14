// Bulk upsert of concepts (one UNWIND batch). updatedAt moves only when something changed,
// so re-running an import (or the seed) changes nothing.
UNWIND $rows AS row
MERGE (c:Concept {id: row.id})
ON CREATE SET c.createdAt = datetime(), c.updatedAt = datetime(), c._new = true
WITH c, row, coalesce(c._new, false) AS created
OPTIONAL MATCH (c)-[old:IN_TOPIC]->(oldTopic:Topic)
WITH c, row, created, collect(old) AS olds, collect(oldTopic.id) AS oldTopicIds
WITH c, row, created, olds,
     (c.name IS NULL OR c.name <> row.name
      OR coalesce(c.description, '') <> coalesce(row.description, '')
      OR coalesce(c.tags, []) <> row.tags
      OR coalesce(c.attributes, '') <> coalesce(row.attributes, '')
      OR oldTopicIds <> CASE WHEN row.topicId IS NULL THEN [] ELSE [row.topicId] END) AS changed
SET c.name = row.name, c.description = row.description, c.tags = row.tags, c.attributes = row.attributes,
    c.updatedAt = CASE WHEN changed AND NOT created THEN datetime() ELSE c.updatedAt END
REMOVE c._new
FOREACH (o IN CASE WHEN changed THEN olds ELSE [] END | DELETE o)
WITH c, row, created, changed
OPTIONAL MATCH (t:Topic {id: row.topicId})
FOREACH (_ IN CASE WHEN changed AND t IS NOT NULL THEN [1] ELSE [] END | MERGE (c)-[:IN_TOPIC]->(t))
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated,
       count(*) AS written
