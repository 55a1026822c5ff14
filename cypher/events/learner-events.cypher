// A learner's stored events in time order, for replaying the model after a late event.
// (occurredAt IS NOT NULL, true of every event, lets the planner seek the event_learner index
// on (learnerId, occurredAt) instead of scanning every event.)
MATCH (e:Event {learnerId: $learnerId})
WHERE e.occurredAt IS NOT NULL
RETURN e {.*} AS event
ORDER BY e.occurredAt, e.id
