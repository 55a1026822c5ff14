// First statement of every ingestion transaction, one round trip:
// 1. creates unknown learners and write-locks every learner of the batch (ids sorted by the
//    caller, so concurrent batches lock in the same order and cannot deadlock); concurrent
//    batches for one learner are serialised here, and the second sees the first's writes;
// 2. finds events already stored (idempotency);
// 3. resolves items to their concepts and designer-set difficulty (logits);
// 4. checks explicit conceptIds.
CALL () {
  UNWIND $learnerIds AS id
  MERGE (l:Learner {id: id})
  ON CREATE SET l.createdAt = datetime()
  SET l._lock = coalesce(l._lock, 0) + 1
  RETURN collect({id: l.id, kt: l.kt, seq: coalesce(l.seq, 0), lastEventAt: l.lastEventAt}) AS learners
}
CALL () {
  UNWIND $eventIds AS id
  MATCH (e:Event {id: id})
  RETURN collect(e.id) AS existing
}
CALL () {
  UNWIND $itemIds AS id
  MATCH (i:Item {id: id})
  OPTIONAL MATCH (i)-[a:ASSESSES]->(c:Concept)
  WITH i, c, a ORDER BY c.id
  WITH i, [x IN collect({conceptId: c.id, weight: a.weight}) WHERE x.conceptId IS NOT NULL] AS concepts
  RETURN collect({id: i.id, kind: i.kind, difficulty: coalesce(i.difficulty, 0.0), concepts: concepts}) AS items
}
CALL () {
  UNWIND $conceptIds AS id
  MATCH (c:Concept {id: id})
  RETURN collect(c.id) AS concepts
}
RETURN learners, existing, items, concepts
