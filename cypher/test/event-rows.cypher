// Test check: stored events by id, read directly.
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e.id AS id, e.kind AS kind, e.learnerId AS learnerId, e.itemId AS itemId, e.score AS score,
  e.durationMs AS durationMs, e.source AS source, e.watchFraction AS watchFraction
