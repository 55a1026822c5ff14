// A class's learners with their model state, and every prerequisite edge of the curriculum
// (the class views evaluate readiness for all learners at once, in memory).
MATCH (k:Class {id: $classId})
CALL (k) {
  OPTIONAL MATCH (l:Learner)-[:MEMBER_OF]->(k)
  WITH l ORDER BY l.id
  RETURN collect(CASE WHEN l IS NULL THEN null ELSE {id: l.id, state: {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,
    concepts: [(l)-[m:MASTERY]->(c:Concept) | [c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex]]}} END) AS learners
}
CALL () {
  MATCH (c:Concept)-[r:REQUIRES]->(p:Concept)
  RETURN collect({conceptId: c.id, prerequisiteId: p.id, weight: r.weight}) AS edges
}
CALL () {
  MATCH (c:Concept)
  OPTIONAL MATCH (c)-[:IN_TOPIC]->(t:Topic)
  RETURN collect({id: c.id, name: c.name, topicId: t.id}) AS concepts
}
RETURN learners, edges, concepts
