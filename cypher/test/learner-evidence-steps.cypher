// A learner's evidence changes with the answered item, read directly (tests of item effectiveness).
MATCH (m:MasteryChange {learnerId: $learnerId})
WHERE m.seq IS NOT NULL AND m.reason IN ['EVIDENCE', 'LATE_EVIDENCE']
MATCH (e:Event {id: m.eventId})
RETURN e.itemId AS itemId, e.occurredAt.epochMillis AS at, m.before AS before, m.after AS after, e.score AS score
ORDER BY at
