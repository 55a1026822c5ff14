// Backfill only (`frontier ingest --create-concepts`): placeholder concepts for historic skill ids.
// They have no edges yet: a root that unlocks nothing (the derived properties the frontier reads).
UNWIND $ids AS id
MERGE (c:Concept {id: id})
ON CREATE SET c.name = id, c.description = 'Created by ingest for historic data', c.tags = ['ingested'],
              c.createdAt = datetime(), c.updatedAt = datetime(), c.root = true, c.unlocks = 0
WITH count(c) AS concepts
// A curriculum write like any other: bump its version (bump-version.cypher) so servers see it.
MERGE (v:CurriculumVersion {id: 'curriculum'})
SET v.n = coalesce(v.n, 0) + 1
RETURN concepts
