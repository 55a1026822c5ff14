// Every change to prerequisite edges takes this write lock first, so cycle checks of
// concurrent transactions are serialised: the second one waits, then sees the first's edge.
MERGE (l:CurriculumLock {id: 'prerequisites'})
SET l.version = coalesce(l.version, 0) + 1
RETURN l.version AS version
