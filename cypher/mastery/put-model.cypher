MERGE (k:KtModel {id: 'current'})
SET k.params = $params, k.version = coalesce(k.version, 0) + 1, k.loadedAt = datetime(), k.summary = $summary
RETURN k.version AS version
