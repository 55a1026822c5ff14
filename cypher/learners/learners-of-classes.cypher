UNWIND $ids AS id
MATCH (l:Learner)-[:MEMBER_OF]->(:Class {id: id})
RETURN id, l {.*} AS learner
ORDER BY id, learner.id
