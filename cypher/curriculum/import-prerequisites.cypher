UNWIND $rows AS row
MATCH (c:Concept {id: row.conceptId}), (p:Concept {id: row.prerequisiteId})
MERGE (c)-[r:REQUIRES]->(p)
ON CREATE SET r.createdAt = datetime(), r.updatedAt = datetime(), r._new = true
WITH r, row, coalesce(r._new, false) AS created, coalesce(r.weight, -1) <> row.weight AS changed
SET r.weight = row.weight,
    r.updatedAt = CASE WHEN changed AND NOT created THEN datetime() ELSE r.updatedAt END
REMOVE r._new
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated,
       count(*) AS written
