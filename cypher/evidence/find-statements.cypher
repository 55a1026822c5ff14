// Statements already stored, by id (replays: 204 when equal, 409 when they differ).
UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN s.id AS id, s.compare AS compare
