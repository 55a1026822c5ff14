// The scored answers of a page of learners, each learner's in time order (the event_learner index
// on (learnerId, occurredAt); occurredAt IS NOT NULL lets the planner seek it). Content views carry
// no score and are left out.
UNWIND $learnerIds AS learnerId
MATCH (e:Event {learnerId: learnerId})
WHERE e.occurredAt IS NOT NULL AND e.score IS NOT NULL
WITH learnerId, e
ORDER BY e.occurredAt, e.id
RETURN learnerId, collect({conceptIds: coalesce(e.conceptIds, []), score: e.score}) AS answers
