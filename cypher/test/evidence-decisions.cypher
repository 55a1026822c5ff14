// Test helper: every stored decision on findings under a prefix, oldest first.
MATCH (d:EvidenceDecision)
WHERE d.key STARTS WITH $prefix
RETURN d.key AS key, d.decision AS decision, d.by AS by, d.learners AS learners
ORDER BY d.at, d.key
