// Second half of removing the benchmark's data (every id starts with $prefix): the nodes, 10,000
// per transaction (their relationships are gone already: cleanup-relationships), so millions of
// events never sit in one transaction's memory. Streams (no Eager in the plan).
// Auto-commit only (CALL ... IN TRANSACTIONS).
MATCH (n)
WHERE ((n:Event OR n:MasteryChange) AND n.learnerId STARTS WITH $prefix)
   OR ((n:Learner OR n:Concept OR n:Item OR n:Topic OR n:Class OR n:Teacher) AND n.id STARTS WITH $prefix)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
