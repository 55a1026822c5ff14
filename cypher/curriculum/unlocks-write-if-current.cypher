// Stores recounted `unlocks` computed outside the edit's transaction, only if no structural edit
// has committed since the graph was read ($version). Setting a property on the lock node takes the
// same write lock as the edits, so the check and the write cannot interleave with one. A recount
// that wrote something bumps the curriculum's version (bump-version.cypher): servers holding
// copies of concepts or the graph see that it changed.
MERGE (l:CurriculumLock {id: 'prerequisites'})
SET l.derivedAt = datetime()
WITH coalesce(l.version, 0) = $version AS current
CALL (current) {
  WITH current WHERE current
  UNWIND $rows AS row
  MATCH (c:Concept {id: row.id})
  SET c.unlocks = row.unlocks
  RETURN count(*) AS written
}
OPTIONAL CALL (current, written) {
  WITH current WHERE current AND written > 0
  MERGE (v:CurriculumVersion {id: 'curriculum'})
  SET v.n = coalesce(v.n, 0) + 1
  RETURN v.n AS version
}
RETURN current, written, version
