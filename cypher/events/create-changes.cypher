// The history of every mastery change, each with the event behind it and its explanation.
UNWIND $rows AS row
CREATE (h:MasteryChange {
  learnerId: row.learnerId, conceptId: row.conceptId, seq: row.seq, eventId: row.eventId,
  at: datetime({epochMillis: toInteger(row.at)}), before: row.before, after: row.after,
  reason: row.reason, explanation: row.explanation, recordedAt: datetime()
})
RETURN count(h) AS created
