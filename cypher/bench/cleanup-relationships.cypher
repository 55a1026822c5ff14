// First half of removing the benchmark's data: every relationship leaving a bench node (all of
// them do: MASTERY, GOAL, MEMBER_OF, TEACHES, REQUIRES, IN_TOPIC, ASSESSES, topic parents), 10,000
// per transaction, so deleting a concept that thousands of learners practised never has to hold
// all its relationships in one transaction. Auto-commit only (CALL ... IN TRANSACTIONS).
MATCH (n)-[r]->()
WHERE (n:Learner OR n:Concept OR n:Item OR n:Topic OR n:Class OR n:Teacher) AND n.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
