// Test cleanup for experiments whose ids start with $prefix (their decisions and exposures too).
CALL () { MATCH (n:Exposure) WHERE n.experimentId STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Assignment) WHERE n.experimentId STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Experiment) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
