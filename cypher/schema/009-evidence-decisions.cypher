// Designers' decisions on prerequisite-audit findings (issue 20), looked up by finding key
// (conceptId|prerequisiteId|kind).
CREATE INDEX evidence_decision_key IF NOT EXISTS FOR (d:EvidenceDecision) ON (d.key)
