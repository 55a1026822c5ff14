// Test check: a learner's events, mastery edges and history, read directly.
MATCH (l:Learner {id: $learnerId})
CALL (l) { MATCH (e:Event {learnerId: l.id}) WHERE e.occurredAt IS NOT NULL RETURN count(e) AS events }
CALL (l) { OPTIONAL MATCH (l)-[m:MASTERY]->(c:Concept) RETURN collect({conceptId: c.id, p: m.p, attempts: m.attempts}) AS mastery }
CALL (l) { MATCH (h:MasteryChange {learnerId: l.id}) WHERE h.seq IS NOT NULL WITH h ORDER BY h.seq RETURN collect({seq: h.seq, conceptId: h.conceptId, eventId: h.eventId, after: h.after, reason: h.reason}) AS history }
RETURN events, mastery, history, l.seq AS seq,
  {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,
   concepts: [(l)-[m:MASTERY]->(c:Concept) | [c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex, m.impliedBy]]} AS state
