// Current mastery per learner and concept (denormalised from the model state for queries).
UNWIND $rows AS row
MATCH (l:Learner {id: row.learnerId}), (c:Concept {id: row.conceptId})
MERGE (l)-[m:MASTERY]->(c)
SET m.p = row.p, m.attempts = row.attempts, m.recent = row.recent,
    m.lastPracticedAt = datetime({epochMillis: toInteger(row.lastPracticedAt)}), m.updatedAt = datetime()
RETURN count(m) AS written
