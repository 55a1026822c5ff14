// A page of learners by id (keyset pagination on the learner_id constraint index), with the
// ability that puts them in a band; $prefix limits the run (tests), '' means everyone.
MATCH (l:Learner)
WHERE l.id > $after AND l.id STARTS WITH $prefix
RETURN l.id AS id, l.ability AS ability
ORDER BY l.id
LIMIT toInteger($limit)
