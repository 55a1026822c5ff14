// A teacher's correction (the audit record), inside the correction's write transaction (the
// learner is locked). `lastCorrectionAt` makes an event older than it a late event: replayed in
// time order, with the correction at its place.
MATCH (l:Learner {id: $learnerId})
CREATE (c:Correction {id: $id, learnerId: $learnerId, conceptId: $conceptId, p: $p, before: $before, after: $after,
  note: $note, by: $by, byRole: $byRole, at: datetime({epochMillis: toInteger($at)}), seq: $seq})
SET l.lastCorrectionAt = datetime({epochMillis: toInteger($at)}), l.rev = randomUUID()
RETURN c.id AS id
