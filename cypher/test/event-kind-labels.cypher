// Test check: each event of a test's prefix, with its kind and its labels.
MATCH (e:Event)
WHERE e.id STARTS WITH $prefix
RETURN e.id AS id, e.kind AS kind, [l IN labels(e) WHERE l <> 'Event'] AS labels
ORDER BY id
