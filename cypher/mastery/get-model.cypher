// The fitted model a server uses ($id: its KT_MODEL, 'current' by default).
MATCH (k:KtModel {id: $id})
RETURN k.params AS params, k.version AS version, k.loadedAt AS loadedAt
