// Benchmark: every loaded learner's revision (learner-snapshots.cypher), read once by the task
// that measures the snapshot statement for learners the server holds.
MATCH (l:Learner) WHERE l.id STARTS WITH $prefix
RETURN l.id AS id, coalesce(l.rev, '') AS rev
