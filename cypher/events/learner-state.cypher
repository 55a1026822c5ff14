// A learner's whole model state (every MASTERY edge), for the replay after a late event.
MATCH (l:Learner {id: $learnerId})
RETURN {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,
  concepts: [(l)-[m:MASTERY]->(c:Concept) | [c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex, m.impliedBy]]} AS state
