// Which of $learnerIds are in a class that $teacherId teaches.
UNWIND $learnerIds AS id
MATCH (:Teacher {id: $teacherId})-[:TEACHES]->(:Class)<-[:MEMBER_OF]-(l:Learner {id: id})
RETURN DISTINCT l.id AS id
