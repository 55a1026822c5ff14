// Backfill only (`frontier ingest --create-concepts`): placeholder concepts for historic skill ids.
UNWIND $ids AS id
MERGE (c:Concept {id: id})
ON CREATE SET c.name = id, c.description = 'Created by ingest for historic data', c.tags = ['ingested'],
              c.createdAt = datetime(), c.updatedAt = datetime()
RETURN count(c) AS concepts
