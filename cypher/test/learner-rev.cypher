// Test: a learner's revision (learner-snapshots.cypher) and its MASTERY edges as stored.
MATCH (l:Learner {id: $learnerId})
RETURN l.rev AS rev, [(l)-[m:MASTERY]->(c:Concept) | {conceptId: c.id, p: m.p, attempts: m.attempts}] AS mastery
