// Removes rows of the activity -> item table.
UNWIND $ids AS id
MATCH (a:Activity {id: id})
DETACH DELETE a
RETURN count(*) AS removed
