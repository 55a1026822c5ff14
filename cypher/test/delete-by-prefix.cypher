// Test cleanup: removes every node a test created (tests prefix all their ids). One index seek
// per label (a prefix seek on the id, or on the learner id for events and changes), so cleanup
// costs the same however much other data (a benchmark's millions of events) the database holds.
CALL () { MATCH (n:Event) WHERE n.learnerId STARTS WITH $prefix AND n.occurredAt IS NOT NULL DETACH DELETE n }
CALL () { MATCH (n:MasteryChange) WHERE n.learnerId STARTS WITH $prefix AND n.seq IS NOT NULL DETACH DELETE n }
CALL () { MATCH (n:RejectionDay) WHERE n.source STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Correction) WHERE n.learnerId STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Statement) WHERE n.learnerId STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Activity) WHERE n.itemId STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Learner) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Class) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Teacher) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Item) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Concept) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:Topic) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:KtModel) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
CALL () { MATCH (n:EvidenceDecision) WHERE n.key STARTS WITH $prefix DETACH DELETE n }
