// Test setup: events as written before migration 004 (no kind label).
UNWIND $events AS e
CREATE (:Event {id: e.id, kind: e.kind, learnerId: e.learnerId, occurredAt: datetime(), receivedAt: datetime()})
