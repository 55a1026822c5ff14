RETURN EXISTS { (:Teacher {id: $teacherId})-[:TEACHES]->(:Class {id: $classId}) } AS teaches
