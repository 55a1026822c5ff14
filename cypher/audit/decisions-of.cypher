// The decision in force (the newest) for each finding key that has one.
UNWIND $keys AS key
MATCH (d:EvidenceDecision {key: key})
WITH key, d
ORDER BY d.at DESC
WITH key, collect(d)[0] AS d
RETURN d.conceptId AS conceptId, d.prerequisiteId AS prerequisiteId, d.kind AS kind, d.decision AS decision,
       d.by AS by, d.note AS note, d.learners AS learners, d.at AS at
