// First exposure records the decision (assigned variant, or the exclusion reason) once; the
// uniqueness constraint on the key makes concurrent first exposures agree on one node. A served
// list is logged compactly when the learner is assigned and $conceptIds is given.
MERGE (a:Assignment {key: $experimentId + ' ' + $learnerId})
  ON CREATE SET a.experimentId = $experimentId, a.learnerId = $learnerId, a.unitId = $unitId, a.variant = $variant,
                a.excluded = $excluded, a.at = datetime({epochMillis: toInteger($at)})
WITH a
CALL (a) {
  WITH a WHERE a.variant IS NOT NULL AND $conceptIds IS NOT NULL
  CREATE (:Exposure {experimentId: a.experimentId, variant: a.variant, learnerId: a.learnerId, at: datetime({epochMillis: toInteger($at)}), conceptIds: $conceptIds})
}
RETURN a.variant AS variant, a.excluded AS excluded
