// A class's learners with their model state (the class views evaluate them in memory, against
// the server's copy of the concept graph). An index seek on the class, then its members.
MATCH (k:Class {id: $classId})
CALL (k) {
  OPTIONAL MATCH (l:Learner)-[:MEMBER_OF]->(k)
  WITH l ORDER BY l.id
  RETURN collect(CASE WHEN l IS NULL THEN null ELSE {id: l.id, state: {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,
    concepts: [(l)-[m:MASTERY]->(c:Concept) | [c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex, m.impliedBy]]}} END) AS learners
}
RETURN learners
