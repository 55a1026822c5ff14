MATCH (c:Concept {id: $id})
OPTIONAL MATCH (c)-[r:REQUIRES|ASSESSES]-()
WITH c, count(r) AS detached
// Learners who practised it or have it as their goal lose those edges: a new revision each
// (learner-snapshots.cypher: cached snapshots of them are read again).
CALL (c) {
  MATCH (l:Learner)-[:MASTERY|GOAL]->(c)
  WITH DISTINCT l
  SET l.rev = randomUUID()
}
DETACH DELETE c
RETURN detached
