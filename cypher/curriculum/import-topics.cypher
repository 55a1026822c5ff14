// Bulk upsert of topics; parents are linked in a second pass by import-topic-parents.
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
ON CREATE SET t.createdAt = datetime()
SET t.name = row.name, t.level = row.level
RETURN count(*) AS written
