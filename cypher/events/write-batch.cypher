// Last statement of every ingestion transaction, one round trip: the events (the audit trail),
// the model state per learner and concept on MASTERY (the only copy of it), the history of every
// change, and each learner's model scalars and sequence number.
// A teacher's correction uses the same statement with no events (and a null lastEventAt: kept).
// Each parameter is a table by columns ({id: [...], kind: [...], ...}, row i across the lists),
// not a list of maps: the keys travel once instead of once per row, which halves what Bolt
// carries for a batch of 500 answers.
// Each event also carries its kind as a label (:Answer, :Assignment, :ContentView), so the
// operator's counts per kind come from Neo4j's count store instead of a scan of every event.
CALL () {
  WITH $events AS e
  UNWIND range(0, size(e.id) - 1) AS i
  CREATE (:Event:$(CASE e.kind[i] WHEN 'ASSIGNMENT' THEN 'Assignment' WHEN 'CONTENT_VIEW' THEN 'ContentView' ELSE 'Answer' END) {
    id: e.id[i], kind: e.kind[i], learnerId: e.learnerId[i], itemId: e.itemId[i], conceptIds: e.conceptIds[i],
    score: e.score[i], occurredAt: datetime({epochMillis: toInteger(e.occurredAt[i])}), durationMs: e.durationMs[i],
    hintsUsed: e.hintsUsed[i], attemptNumber: e.attemptNumber[i], source: e.source[i],
    watchFraction: e.watchFraction[i], predicted: e.predicted[i], receivedAt: datetime()
  })
}
// MASTERY edges the prepare statement read (their element id in r.edge): updated in place. The
// learner is locked, so nothing else can have created or removed them since.
CALL () {
  WITH $mastery AS r
  UNWIND range(0, size(r.learnerId) - 1) AS i
  WITH r, i WHERE r.edge[i] IS NOT NULL
  MATCH ()-[m:MASTERY]->() WHERE elementId(m) = r.edge[i]
  SET m.p = r.p[i], m.attempts = r.attempts[i], m.recent = r.recent[i],
      m.lastPracticedAt = datetime({epochMillis: toInteger(r.lastPracticedAt[i])}),
      m.lastPracticedMs = r.lastPracticedAt[i], m.lastPracticedIndex = r.lastPracticedIndex[i], m.impliedBy = r.impliedBy[i], m.updatedAt = datetime()
}
// First practice of a concept (the prepare statement looked and found no edge; the learner is
// locked, so none can appear): created without MERGE's search of the learner's edges. Concepts
// the prepare statement did not look at (a replay rewrites every concept): merged.
CALL () {
  WITH $mastery AS r
  UNWIND range(0, size(r.learnerId) - 1) AS i
  WITH r, i WHERE r.edge[i] IS NULL
  MATCH (l:Learner {id: r.learnerId[i]}), (c:Concept {id: r.conceptId[i]})
  CALL (l, c, r, i) {
    WITH l, c WHERE r.absent[i]
    CREATE (l)-[m:MASTERY]->(c)
    RETURN m
  UNION
    WITH l, c WHERE NOT r.absent[i]
    MERGE (l)-[m:MASTERY]->(c)
    RETURN m
  }
  SET m.p = r.p[i], m.attempts = r.attempts[i], m.recent = r.recent[i],
      m.lastPracticedAt = datetime({epochMillis: toInteger(r.lastPracticedAt[i])}),
      m.lastPracticedMs = r.lastPracticedAt[i], m.lastPracticedIndex = r.lastPracticedIndex[i], m.impliedBy = r.impliedBy[i], m.updatedAt = datetime()
}
CALL () {
  WITH $changes AS h
  UNWIND range(0, size(h.learnerId) - 1) AS i
  CREATE (:MasteryChange {
    learnerId: h.learnerId[i], conceptId: h.conceptId[i], seq: h.seq[i], eventId: h.eventId[i],
    at: datetime({epochMillis: toInteger(h.at[i])}), before: h.before[i], after: h.after[i], attempts: h.attempts[i],
    reason: h.reason[i], explanation: h.explanation[i], recordedAt: datetime()
  })
}
CALL () {
  WITH $learners AS r
  UNWIND range(0, size(r.id) - 1) AS i
  MATCH (l:Learner {id: r.id[i]})
  SET l.ktAttempts = r.attempts[i], l.ktEvents = r.events[i], l.seq = r.seq[i],
      l.lastEventAt = CASE WHEN r.lastEventAt[i] IS NULL THEN l.lastEventAt ELSE datetime({epochMillis: toInteger(r.lastEventAt[i])}) END, l.ability = r.ability[i], l.updatedAt = datetime()
  // A learner still holding the old one-JSON state (kt) no longer does: the edges are the state.
  REMOVE l.kt
}
RETURN size($events.id) AS events
