// A designer's decision on a finding of the prerequisite audit: a new node per decision, so the
// history stays (the audit trail); the newest one per key is the one in force.
CREATE (d:EvidenceDecision {
  key: $key, conceptId: $conceptId, prerequisiteId: $prerequisiteId, kind: $kind, decision: $decision,
  by: $by, note: $note, learners: $learners, at: datetime()
})
RETURN d.at AS at
