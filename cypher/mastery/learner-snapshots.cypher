// DataLoader-style batch of the per-process learner snapshots (src/modules/mastery/learner-snapshots.ts):
// for each asked learner its revision (`rev`, a new random id written by every transaction that
// changes what this statement returns: ingestion, corrections, goals, concept deletion) and,
// only when the caller does not already hold that revision, the snapshot itself: the model state
// (the projection every state query shares), the stored goal, and every attempt since `since` (epoch ms) as
// [itemId, occurredAt ms]. A cached learner costs one index seek and no expansion.
// Also the curriculum's version, which proves the per-process curriculum copies fresh (freshness.ts).
// $learners: [{id, rev (null: not held), since}]
OPTIONAL MATCH (cv:CurriculumVersion {id: 'curriculum'})
WITH coalesce(cv.n, 0) AS curriculumVersion
UNWIND $learners AS q
OPTIONAL MATCH (l:Learner {id: q.id})
WITH curriculumVersion, q, l, coalesce(l.rev, '') AS rev
RETURN q.id AS id, l IS NOT NULL AS found, rev, curriculumVersion,
  CASE WHEN l IS NULL OR rev = q.rev THEN null ELSE {
    goalId: COLLECT { MATCH (l)-[:GOAL]->(g:Concept) RETURN g.id }[0],
    recent: COLLECT {
      MATCH (e:Event {learnerId: q.id})
      WHERE e.occurredAt >= datetime({epochMillis: toInteger(q.since)}) AND e.itemId IS NOT NULL
      RETURN [e.itemId, e.occurredAt.epochMillis]
    },
    state: {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,
      concepts: [(l)-[m:MASTERY]->(c:Concept) | [c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex, m.impliedBy]]}
  } END AS snapshot
