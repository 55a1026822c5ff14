// Stores statements (the audit trail). An id stored meanwhile by a concurrent request is left
// as it is: `created` is false and its `compare` text tells the caller whether it was the same.
UNWIND $rows AS row
MERGE (s:Statement {id: row.id})
ON CREATE SET s.format = row.format, s.json = row.json, s.compare = row.compare, s.learnerId = row.learnerId,
  s.verb = row.verb, s.activityId = row.activityId, s.status = row.status, s.code = row.code,
  s.reason = row.reason, s.eventId = row.eventId, s.producer = row.producer,
  s.stored = datetime({epochMillis: toInteger(row.stored)}), s._created = true
WITH s, coalesce(s._created, false) AS created
REMOVE s._created
RETURN s.id AS id, created, s.compare AS compare
