UNWIND $rows AS row
CREATE (e:Event {
  id: row.id, kind: row.kind, learnerId: row.learnerId, itemId: row.itemId, conceptIds: row.conceptIds,
  score: row.score, occurredAt: datetime({epochMillis: toInteger(row.occurredAt)}), durationMs: row.durationMs,
  hintsUsed: row.hintsUsed, attemptNumber: row.attemptNumber, source: row.source,
  watchFraction: row.watchFraction, receivedAt: datetime()
})
RETURN count(e) AS created
