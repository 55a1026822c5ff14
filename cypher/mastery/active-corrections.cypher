// The newest correction in force per concept, for a learner's mastery explanations.
UNWIND $conceptIds AS cid
CALL (cid) {
  MATCH (c:Correction {learnerId: $learnerId, conceptId: cid})
  WHERE c.revertedAt IS NULL
  RETURN c ORDER BY c.at DESC LIMIT 1
}
RETURN c.conceptId AS conceptId, c.p AS p, c.by AS by, c.byRole AS byRole, c.note AS note, c.at.epochMillis AS at
