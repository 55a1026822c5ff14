// The prerequisite graph's version (bumped by every structural edit under the lock), read before
// the graph itself: a refresh of derived properties writes only if it is still the version then.
OPTIONAL MATCH (l:CurriculumLock {id: 'prerequisites'})
RETURN coalesce(l.version, 0) AS version
