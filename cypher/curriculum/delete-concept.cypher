MATCH (c:Concept {id: $id})
OPTIONAL MATCH (c)-[r:REQUIRES|ASSESSES]-()
WITH c, count(r) AS detached
DETACH DELETE c
RETURN detached
