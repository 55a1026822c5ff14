// Test check: stored statements by id, read directly.
UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN s.id AS id, s.format AS format, s.json AS json, s.learnerId AS learnerId, s.status AS status, s.code AS code,
  s.reason AS reason, s.eventId AS eventId, s.producer AS producer
