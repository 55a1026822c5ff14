UNWIND $rows AS row
MATCH (l:Learner {id: row.id})
SET l.kt = row.kt, l.seq = row.seq, l.lastEventAt = datetime({epochMillis: toInteger(row.lastEventAt)}),
    l.ability = row.ability, l.updatedAt = datetime()
RETURN count(l) AS updated
