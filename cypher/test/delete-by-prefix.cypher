// Test cleanup: removes every node a test created (tests prefix all their ids).
CALL () {
  MATCH (n) WHERE (n:Concept OR n:Item OR n:Topic OR n:Learner OR n:Teacher OR n:Class) AND n.id STARTS WITH $prefix
  DETACH DELETE n
}
CALL () {
  MATCH (n) WHERE (n:Event OR n:MasteryChange) AND n.learnerId STARTS WITH $prefix
  DETACH DELETE n
}
