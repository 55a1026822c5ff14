// Start-up data migration: writes the model state parsed from `kt` onto the learner (scalars) and
// its MASTERY edges (the fields only the JSON had), then drops `kt`. One chunk per transaction.
UNWIND $rows AS row
MATCH (l:Learner {id: row.id}) WHERE l.kt = row.kt
SET l.ktAttempts = row.attempts, l.ktEvents = row.events, l.ability = row.ability, l.rev = randomUUID()
REMOVE l.kt
WITH l, row
CALL (l, row) {
  UNWIND row.concepts AS c
  MATCH (l)-[m:MASTERY]->(:Concept {id: c.id})
  SET m.lastPracticedMs = c.lastPracticedAt, m.lastPracticedIndex = c.lastPracticedIndex
}
RETURN count(*) AS migrated
