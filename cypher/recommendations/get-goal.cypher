MATCH (:Learner {id: $learnerId})-[g:GOAL]->(c:Concept)
RETURN c.id AS conceptId, toString(g.targetDate) AS targetDate
