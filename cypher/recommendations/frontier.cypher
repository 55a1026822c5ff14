// The learner's frontier, in one traversal: concepts not yet mastered (stored mastery below
// $mastered) that are either dependents of a mastered concept or have no prerequisites, whose
// weighted prerequisite mastery reaches $ready; with their prerequisites, topic, how many
// concepts they unlock downstream (12 levels; stored on each concept as `unlocks` by the
// curriculum service after every structural change) and whether they lie on a prerequisite
// path to the goal. Concepts without prerequisites carry `root: true` (indexed).
// Stored mastery is an upper bound of mastery now (forgetting only lowers it), so every list
// here is a superset that the service narrows with the model.
// The same statement reads: the learner's model state (as in mastery/learner-states.cypher); the goal (unless $goalId is
// given); for remediation, the prerequisites of concepts the learner may be struggling with (at
// least $struggleAttempts attempts, recent score below $struggleRecent); review candidates
// (mastered when last practised); and the items attempted since $since (epoch ms).
// $within (a list of concept ids, or null) limits everything to a subject or topic.
MATCH (l:Learner {id: $learnerId})
OPTIONAL MATCH (l)-[:GOAL]->(storedGoal:Concept)
WITH l, coalesce($goalId, storedGoal.id) AS goalId
// The goal and its prerequisites (distinct nodes, so the expansion is pruned), once.
CALL (goalId) {
  OPTIONAL MATCH (:Concept {id: goalId})-[:REQUIRES*0..12]->(x:Concept)
  RETURN collect(DISTINCT x.id) AS goalPath
}
CALL (l, goalPath) {
  // The learner's stored mastery, read once as [concept, p] pairs. Candidates and their
  // prerequisites are looked up in this list rather than by expanding the learner's MASTERY
  // edges again for each of them (that was two thirds of the traversal's database hits).
  CALL (l) {
    MATCH (l)-[m:MASTERY]->(c:Concept)
    RETURN collect([c, m.p]) AS practised
  }
  WITH l, goalPath, practised, [x IN practised WHERE x[1] >= $mastered | x[0]] AS masteredConcepts
  CALL (masteredConcepts) {
    UNWIND masteredConcepts AS mc
    MATCH (cand:Concept)-[:REQUIRES]->(mc)
    RETURN cand
    UNION
    MATCH (cand:Concept {root: true})
    RETURN cand
  }
  WITH goalPath, practised, masteredConcepts, cand
  WHERE ($within IS NULL OR cand.id IN $within)
    AND NOT cand IN masteredConcepts
  OPTIONAL MATCH (cand)-[r:REQUIRES]->(p:Concept)
  // Each prerequisite as [id, name, weight, stored mastery]: lists decode faster than maps.
  WITH goalPath, cand, collect(CASE WHEN p IS NULL THEN null
    ELSE [p.id, p.name, r.weight, coalesce(head([x IN practised WHERE x[0] = p | x[1]]), 0.0)] END) AS prereqs
  WITH goalPath, cand, prereqs,
       reduce(s = 0.0, x IN prereqs | s + x[2] * x[3]) AS got,
       reduce(s = 0.0, x IN prereqs | s + x[2]) AS need
  WHERE need = 0 OR got / need >= $ready
  OPTIONAL MATCH (cand)-[:IN_TOPIC]->(t:Topic)
  // One list per candidate, [id, name, topicId, unlocks, onGoalPath, prereqs]: a frontier holds
  // about 170 candidates at bench scale, and lists carry no per-row keys to encode and decode.
  RETURN collect([cand.id, cand.name, t.id, coalesce(cand.unlocks, 0), cand.id IN goalPath, prereqs]) AS frontier
}
CALL (l) {
  MATCH (l)-[m:MASTERY]->(s:Concept)-[r:REQUIRES]->(p:Concept)
  WHERE m.attempts >= $struggleAttempts AND m.recent < $struggleRecent AND ($within IS NULL OR s.id IN $within)
  OPTIONAL MATCH (p)-[:IN_TOPIC]->(t:Topic)
  RETURN collect({struggling: s.id, strugglingName: s.name, id: p.id, name: p.name, topicId: t.id, weight: r.weight}) AS remediation
}
CALL (l, goalPath) {
  MATCH (l)-[m:MASTERY]->(c:Concept)
  WHERE m.p >= $mastered AND ($within IS NULL OR c.id IN $within)
  OPTIONAL MATCH (c)-[:IN_TOPIC]->(t:Topic)
  RETURN collect({id: c.id, name: c.name, topicId: t.id,
    unlocks: coalesce(c.unlocks, 0),
    onGoalPath: c.id IN goalPath}) AS review
}
CALL (l) {
  OPTIONAL MATCH (e:Event {learnerId: l.id})
  WHERE e.occurredAt >= datetime({epochMillis: toInteger($since)}) AND e.itemId IS NOT NULL
  RETURN collect(DISTINCT e.itemId) AS recentItemIds
}
RETURN frontier, remediation, review, recentItemIds, goalId,
  {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,
   concepts: [(l)-[m:MASTERY]->(c:Concept) | [c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex, m.impliedBy]]} AS state
