// Bulk upsert of items and their ASSESSES links; row.links must be sorted by conceptId.
UNWIND $rows AS row
MERGE (i:Item {id: row.id})
ON CREATE SET i.createdAt = datetime(), i.updatedAt = datetime(), i._new = true
WITH i, row, coalesce(i._new, false) AS created
OPTIONAL MATCH (i)-[old:ASSESSES]->(oc:Concept)
WITH i, row, created, old, oc ORDER BY oc.id
WITH i, row, created, collect(old) AS olds,
     [x IN collect({conceptId: oc.id, weight: old.weight}) WHERE x.conceptId IS NOT NULL] AS oldLinks
WITH i, row, created, olds, oldLinks <> row.links AS linksChanged,
     (i.title IS NULL OR i.kind <> row.kind OR i.title <> row.title OR coalesce(i.difficulty, 1e9) <> coalesce(row.difficulty, 1e9)
      OR coalesce(i.url, '') <> coalesce(row.url, '') OR coalesce(i.attributes, '') <> coalesce(row.attributes, '')) AS fieldsChanged
SET i.kind = row.kind, i.title = row.title, i.difficulty = row.difficulty, i.url = row.url, i.attributes = row.attributes,
    i.updatedAt = CASE WHEN (linksChanged OR fieldsChanged) AND NOT created THEN datetime() ELSE i.updatedAt END
REMOVE i._new
FOREACH (o IN CASE WHEN linksChanged THEN olds ELSE [] END | DELETE o)
WITH i, row, created, linksChanged OR fieldsChanged AS changed, linksChanged
CALL (i, row, linksChanged) {
  WITH i, row WHERE linksChanged
  UNWIND row.links AS link
  MATCH (c:Concept {id: link.conceptId})
  MERGE (i)-[a:ASSESSES]->(c)
  SET a.weight = link.weight
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated,
       count(*) AS written
