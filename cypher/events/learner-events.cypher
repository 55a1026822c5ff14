// A learner's stored events in time order, for replaying the model after a late event.
MATCH (e:Event {learnerId: $learnerId})
RETURN e {.*} AS event
ORDER BY e.occurredAt, e.id
