// Which of these learners exist. A learner record is its id (the GraphQL Learner type has no
// other stored field): the node's other properties (model scalars, date-times) are not sent.
UNWIND $ids AS id
MATCH (l:Learner {id: id})
RETURN l.id AS id
