// Every learner in any class a teacher teaches (live subscriptions check each event against it).
MATCH (:Teacher {id: $teacherId})-[:TEACHES]->(:Class)<-[:MEMBER_OF]-(l:Learner)
RETURN collect(DISTINCT l.id) AS ids
