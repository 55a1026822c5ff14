// Loads rows of the activity -> item table (a designer's upsert). Items are checked by the caller.
UNWIND $rows AS row
MATCH (i:Item {id: row.itemId})
MERGE (a:Activity {id: row.activityId})
SET a.itemId = i.id
WITH a, i
CALL (a, i) {
  OPTIONAL MATCH (a)-[old:MAPS_TO]->(other:Item) WHERE other <> i
  DELETE old
}
MERGE (a)-[:MAPS_TO]->(i)
RETURN count(a) AS mapped
