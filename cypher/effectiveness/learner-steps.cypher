// Per learner: every evidence change of a concept's mastery with the answered item and its score
// (REPLAY corrections and content views left out), through the learner's MasteryChange index
// range and the event id constraint.
UNWIND $ids AS id
CALL (id) {
  MATCH (m:MasteryChange {learnerId: id})
  WHERE m.seq IS NOT NULL AND m.reason IN ['EVIDENCE', 'LATE_EVIDENCE']
  MATCH (e:Event {id: m.eventId})
  WHERE e.itemId IS NOT NULL AND e.score IS NOT NULL
  RETURN collect([m.conceptId, e.itemId, e.occurredAt.epochMillis, m.before, m.after, e.score]) AS steps
}
RETURN id, steps
