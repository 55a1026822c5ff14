MATCH (k:KtModel {id: 'current'})
RETURN k.params AS params, k.version AS version, k.loadedAt AS loadedAt
