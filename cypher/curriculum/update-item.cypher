MATCH (i:Item {id: $id})
SET i.kind = coalesce($kind, i.kind),
    i.title = coalesce($title, i.title),
    i.difficulty = coalesce($difficulty, i.difficulty),
    i.url = CASE WHEN $setUrl THEN $url ELSE i.url END,
    i.updatedAt = datetime()
RETURN i {.*} AS item
