// Last statement of every ingestion transaction, one round trip: the events (the audit trail),
// current mastery per learner and concept, the history of every change, and each learner's
// model state and sequence number.
CALL () {
  UNWIND $events AS row
  CREATE (:Event {
    id: row.id, kind: row.kind, learnerId: row.learnerId, itemId: row.itemId, conceptIds: row.conceptIds,
    score: row.score, occurredAt: datetime({epochMillis: toInteger(row.occurredAt)}), durationMs: row.durationMs,
    hintsUsed: row.hintsUsed, attemptNumber: row.attemptNumber, source: row.source,
    watchFraction: row.watchFraction, receivedAt: datetime()
  })
}
CALL () {
  UNWIND $mastery AS row
  MATCH (l:Learner {id: row.learnerId}), (c:Concept {id: row.conceptId})
  MERGE (l)-[m:MASTERY]->(c)
  SET m.p = row.p, m.attempts = row.attempts, m.recent = row.recent,
      m.lastPracticedAt = datetime({epochMillis: toInteger(row.lastPracticedAt)}), m.updatedAt = datetime()
}
CALL () {
  UNWIND $changes AS row
  CREATE (:MasteryChange {
    learnerId: row.learnerId, conceptId: row.conceptId, seq: row.seq, eventId: row.eventId,
    at: datetime({epochMillis: toInteger(row.at)}), before: row.before, after: row.after, attempts: row.attempts,
    reason: row.reason, explanation: row.explanation, recordedAt: datetime()
  })
}
CALL () {
  UNWIND $learners AS row
  MATCH (l:Learner {id: row.id})
  SET l.kt = row.kt, l.seq = row.seq, l.lastEventAt = datetime({epochMillis: toInteger(row.lastEventAt)}),
      l.ability = row.ability, l.updatedAt = datetime()
}
RETURN size($events) AS events
