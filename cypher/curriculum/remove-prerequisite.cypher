// removePrerequisite in one statement: take the prerequisite lock (serialised with the cycle
// checks of edge additions), delete the edge, and set `root` of the concept that lost it.
MERGE (l:CurriculumLock {id: 'prerequisites'})
SET l.version = coalesce(l.version, 0) + 1
WITH l
OPTIONAL MATCH (c:Concept {id: $conceptId})-[r:REQUIRES]->(:Concept {id: $prerequisiteId})
DELETE r
WITH c, count(r) AS removed
OPTIONAL CALL (c) {
  WITH c WHERE c IS NOT NULL
  SET c.root = NOT EXISTS { (c)-[:REQUIRES]->(:Concept) }
  RETURN c.root AS root
}
RETURN sum(removed) AS removed
