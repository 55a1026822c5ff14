// The activity -> item table: which item each activity IRI stands for.
UNWIND $ids AS id
MATCH (a:Activity {id: id})-[:MAPS_TO]->(i:Item)
RETURN a.id AS activityId, i.id AS itemId
