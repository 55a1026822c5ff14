MERGE (m:Migration {id: $id})
ON CREATE SET m.appliedAt = datetime()
SET m.checksum = $checksum, m.lastRunAt = datetime()
