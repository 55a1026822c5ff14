// The last statement of every curriculum write transaction: the curriculum's version + 1. The
// write lock on this one node is held only from here to the commit.
MERGE (v:CurriculumVersion {id: 'curriculum'})
SET v.n = coalesce(v.n, 0) + 1
RETURN v.n AS version
