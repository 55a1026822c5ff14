// Every item with stored effectiveness (the per-process snapshot the exploration reads).
MATCH (i:Item)
WHERE i.effectiveness IS NOT NULL
RETURN i.id AS itemId, i.effectiveness AS effects
