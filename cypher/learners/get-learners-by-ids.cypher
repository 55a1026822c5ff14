UNWIND $ids AS id
MATCH (l:Learner {id: id})
RETURN l {.*} AS learner
