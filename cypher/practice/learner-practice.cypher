// Per learner: the practice settings and every event as [epoch ms, kind, durationMs] (the
// event_learner index range of the learner), plus the topics with a mastered concept.
UNWIND $ids AS id
MATCH (l:Learner {id: id})
RETURN id, l.timeZone AS timeZone, l.dailyTargetKind AS dailyTargetKind, l.dailyTargetValue AS dailyTargetValue, l.weeklyTarget AS weeklyTarget,
  COLLECT { MATCH (e:Event {learnerId: id}) WHERE e.occurredAt IS NOT NULL RETURN [e.occurredAt.epochMillis, e.kind, e.durationMs] } AS events,
  COLLECT { MATCH (l)-[m:MASTERY]->(:Concept)-[:IN_TOPIC]->(t:Topic) WHERE m.p >= $mastered RETURN DISTINCT t.id } AS masteredTopicIds
