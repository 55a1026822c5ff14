// Removes a learner's MASTERY edges of some concepts (inside a revert: the learner is locked).
MATCH (l:Learner {id: $learnerId})
SET l.rev = randomUUID()
WITH l
UNWIND $conceptIds AS cid
MATCH (c:Concept {id: cid})
MATCH (l)-[m:MASTERY]->(c)
DELETE m
RETURN count(*) AS removed
