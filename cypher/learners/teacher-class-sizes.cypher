// How many classes a teacher teaches and the size of the largest: the real list sizes the cost
// estimate uses for `myClasses` and `Classroom.learners` (an index seek on the teacher).
OPTIONAL MATCH (:Teacher {id: $teacherId})-[:TEACHES]->(k:Class)
CALL (k) {
  OPTIONAL MATCH (l:Learner)-[:MEMBER_OF]->(k)
  RETURN count(l) AS size
}
RETURN count(k) AS classes, coalesce(max(size), 0) AS largest
