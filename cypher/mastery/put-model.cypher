// `frontier kt load`: store fitted parameters under $id (KT_MODEL), one version more.
MERGE (k:KtModel {id: $id})
SET k.params = $params, k.version = coalesce(k.version, 0) + 1, k.loadedAt = datetime(), k.summary = $summary
RETURN k.version AS version
