// First statement of every ingestion transaction: creates unknown learners and write-locks each
// learner of the batch (ids sorted by the caller, so concurrent batches lock in the same order).
// Concurrent batches for one learner are serialised here; the second sees the first's writes.
UNWIND $learnerIds AS id
MERGE (l:Learner {id: id})
ON CREATE SET l.createdAt = datetime()
SET l._lock = coalesce(l._lock, 0) + 1
RETURN l.id AS id, l.kt AS kt, coalesce(l.seq, 0) AS seq, l.lastEventAt AS lastEventAt
