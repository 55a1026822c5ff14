// What assignment needs to know about a learner: the stored decisions for the given experiments
// (keys "<experimentId> <learnerId>", one index seek each), classes, creation time, and which of
// $topicIds they have practised under (topics up to 3 levels above the concept's own).
MATCH (l:Learner {id: $learnerId})
CALL (l) {
  UNWIND $experimentIds AS eid
  MATCH (a:Assignment {key: eid + ' ' + l.id})
  RETURN collect(a {.experimentId, .variant, .unitId, .excluded}) AS decisions
}
RETURN l.createdAt AS createdAt,
       [(l)-[:MEMBER_OF]->(k:Class) | k.id] AS classIds,
       [t IN $topicIds WHERE EXISTS { (l)-[:MASTERY]->(:Concept)-[:IN_TOPIC]->(:Topic)-[:PART_OF*0..3]->(:Topic {id: t}) }] AS practisedTopicIds,
       decisions
