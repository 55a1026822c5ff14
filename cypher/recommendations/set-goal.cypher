// One goal per learner: replaces any previous goal.
MATCH (l:Learner {id: $learnerId}), (c:Concept {id: $conceptId})
OPTIONAL MATCH (l)-[old:GOAL]->(:Concept)
DELETE old
WITH DISTINCT l, c
// The learner's revision (learner-snapshots.cypher): the stored goal is part of the snapshot.
SET l.rev = randomUUID()
CREATE (l)-[g:GOAL {setAt: datetime(), targetDate: CASE WHEN $targetDate IS NULL THEN null ELSE date($targetDate) END}]->(c)
RETURN c.id AS conceptId, toString(g.targetDate) AS targetDate
