// Test cleanup for learners whose ids a test cannot prefix (hashed xAPI actors): their events,
// history, statements and the learner.
UNWIND $ids AS id
CALL (id) { MATCH (n:Event) WHERE n.learnerId = id AND n.occurredAt IS NOT NULL DETACH DELETE n }
CALL (id) { MATCH (n:MasteryChange) WHERE n.learnerId = id AND n.seq IS NOT NULL DETACH DELETE n }
CALL (id) { MATCH (n:Statement) WHERE n.learnerId = id DETACH DELETE n }
CALL (id) { MATCH (n:Learner {id: id}) DETACH DELETE n }
RETURN count(*) AS deleted
