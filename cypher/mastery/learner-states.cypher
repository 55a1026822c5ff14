// DataLoader batch: each learner's model state (scalars on the learner, one row per MASTERY edge:
// [conceptId, mastery, attempts, recent, lastPracticedMs, lastPracticedIndex, impliedBy]) and sequence number.
UNWIND $ids AS id
MATCH (l:Learner {id: id})
RETURN id, {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,
  concepts: [(l)-[m:MASTERY]->(c:Concept) | [c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex, m.impliedBy]]} AS state,
  coalesce(l.seq, 0) AS seq
