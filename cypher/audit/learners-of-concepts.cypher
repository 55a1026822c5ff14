// Learners with evidence on any of the concepts (a MASTERY edge is written at their first answer),
// in id order: the prerequisite audit reads their answers a page at a time.
UNWIND $conceptIds AS conceptId
MATCH (:Concept {id: conceptId})<-[:MASTERY]-(l:Learner)
WITH DISTINCT l.id AS id
RETURN id
ORDER BY id
