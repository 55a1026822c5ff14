// DataLoader batch: each learner's model state (JSON) and sequence number.
UNWIND $ids AS id
MATCH (l:Learner {id: id})
RETURN id, l.kt AS kt, coalesce(l.seq, 0) AS seq
