// Catch-up for a class dashboard: per learner, the changes after that learner's cursor; for a
// learner without a cursor, the changes committed at or after $since (epoch ms; null: all).
UNWIND $cursors AS cursor
// (seq IS NOT NULL, true of every change, makes the learner's changes an index seek on
// mastery_change_learner (learnerId, seq) instead of a scan of every change.)
MATCH (h:MasteryChange {learnerId: cursor.learnerId})
WHERE h.seq IS NOT NULL
  AND ((cursor.after IS NOT NULL AND h.seq > cursor.after)
    OR (cursor.after IS NULL AND ($since IS NULL OR h.recordedAt >= datetime({epochMillis: toInteger($since)}))))
RETURN h {.*} AS change
ORDER BY h.recordedAt, h.learnerId, h.seq
LIMIT toInteger($limit)
