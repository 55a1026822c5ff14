// Demo learners, teachers and classes (ids are pseudonymous; no names or emails are stored).
UNWIND $classes AS k
MERGE (c:Class {id: k.id})
SET c.name = k.name
WITH count(*) AS _
UNWIND $teachers AS t
MERGE (teacher:Teacher {id: t.id})
WITH teacher, t
UNWIND t.classIds AS classId
MATCH (c:Class {id: classId})
MERGE (teacher)-[:TEACHES]->(c)
WITH count(*) AS _
UNWIND $learners AS l
MERGE (learner:Learner {id: l.id})
ON CREATE SET learner.createdAt = datetime()
WITH learner, l
UNWIND l.classIds AS classId
MATCH (c:Class {id: classId})
MERGE (learner)-[:MEMBER_OF]->(c)
RETURN count(*) AS memberships
