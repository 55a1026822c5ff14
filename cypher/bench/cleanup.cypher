// Removes the benchmark's data (every id starts with $prefix), 1,000 nodes per transaction (a learner or concept brings its relationships), so
// millions of events never sit in one transaction's memory. Streams (no Eager in the plan).
// Must run in an auto-commit transaction (CALL ... IN TRANSACTIONS).
MATCH (n)
WHERE ((n:Event OR n:MasteryChange) AND n.learnerId STARTS WITH $prefix)
   OR ((n:Learner OR n:Concept OR n:Item OR n:Topic OR n:Class OR n:Teacher) AND n.id STARTS WITH $prefix)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
