// One stored statement (GET /xapi/statements?statementId=) with its evidence outcome.
MATCH (s:Statement {id: $id})
RETURN s.id AS id, s.format AS format, s.json AS json, s.learnerId AS learnerId, s.status AS status,
  s.code AS code, s.reason AS reason, s.eventId AS eventId
