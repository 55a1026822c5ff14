// First statement of every ingestion transaction, one round trip:
// 1. creates unknown learners and write-locks every learner of the batch (ids sorted by the
//    caller, so concurrent batches lock in the same order and cannot deadlock); concurrent
//    batches for one learner are serialised here, and the second sees the first's writes;
// 2. reads each learner's model scalars and the MASTERY edges of only the concepts the batch
//    touches (the caller resolved items to concepts), with each edge's element id for the
//    write: the cost follows the batch, not the learner's history;
// 3. finds events already stored (idempotency);
// 4. checks explicit conceptIds.
// $learners: [{id, conceptIds}], sorted by id.
CALL () {
  UNWIND $learners AS row
  MERGE (l:Learner {id: row.id})
  ON CREATE SET l.createdAt = datetime()
  // rev: the learner's revision, new in every write (learner-snapshots.cypher: cached reads check it).
  SET l._lock = coalesce(l._lock, 0) + 1, l.rev = randomUUID()
  WITH l, row
  CALL (l, row) {
    UNWIND row.conceptIds AS cid
    // Seek the concept, then check the learner's edges for it (Expand(Into), no property reads);
    // left to itself the planner reads every edge's concept id.
    MATCH (c:Concept {id: cid})
    USING INDEX c:Concept(id)
    MATCH (l)-[m:MASTERY]->(c)
    RETURN collect([cid, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex, m.impliedBy, elementId(m)]) AS concepts
  }
  RETURN collect({id: l.id, seq: coalesce(l.seq, 0), lastEventAt: l.lastEventAt.epochMillis, lastCorrectionAt: l.lastCorrectionAt.epochMillis,
    state: {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents, concepts: concepts}}) AS learners
}
CALL () {
  UNWIND $eventIds AS id
  MATCH (e:Event {id: id})
  RETURN collect(e.id) AS existing
}
CALL () {
  UNWIND $conceptIds AS id
  MATCH (c:Concept {id: id})
  RETURN collect(c.id) AS concepts
}
RETURN learners, existing, concepts
