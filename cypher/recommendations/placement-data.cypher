// Placement: the prerequisite graph and the learner's placement answers (source 'placement'), in order.
CALL () {
  MATCH (c:Concept)
  RETURN collect(c.id) AS ids
}
CALL () {
  MATCH (c:Concept)-[:REQUIRES]->(p:Concept)
  RETURN collect([c.id, p.id]) AS edges
}
CALL () {
  OPTIONAL MATCH (e:Event {learnerId: $learnerId})
  WHERE e.occurredAt IS NOT NULL AND e.source = 'placement' AND e.score IS NOT NULL
  WITH e ORDER BY e.occurredAt, e.id
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE {conceptIds: e.conceptIds, score: e.score} END) AS answers
}
RETURN ids, edges, answers
