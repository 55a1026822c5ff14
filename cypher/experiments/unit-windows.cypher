// Per assigned learner: the first exposure, events from it for max(window, 8 days) (the return
// metric looks 7 UTC days past the first day), mastery changes in the window, and the concepts
// of the lists served in the window. Each reads the learner's own index range.
MATCH (a:Assignment {experimentId: $id})
WHERE a.variant IS NOT NULL
WITH a, a.at AS t0, a.at + duration({days: $windowDays}) AS wend, a.at + duration({days: CASE WHEN $windowDays > 8 THEN $windowDays ELSE 8 END}) AS eend
RETURN a.learnerId AS learnerId, a.unitId AS unitId, a.variant AS variant, a.at AS firstExposedAt,
  COLLECT { MATCH (e:Event {learnerId: a.learnerId}) WHERE e.occurredAt >= t0 AND e.occurredAt < eend
            RETURN [e.occurredAt.epochMillis, e.kind, e.durationMs] } AS events,
  COLLECT { MATCH (m:MasteryChange {learnerId: a.learnerId}) WHERE m.seq IS NOT NULL AND m.at >= t0 AND m.at < wend
            RETURN [m.conceptId, m.at.epochMillis, m.before, m.after] } AS changes,
  COLLECT { MATCH (x:Exposure {experimentId: $id, learnerId: a.learnerId}) WHERE x.at < wend
            UNWIND x.conceptIds AS c RETURN DISTINCT c } AS shown
ORDER BY learnerId
