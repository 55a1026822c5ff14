// Test set-up: turns a learner's stored model state back into the old format (one `kt` JSON
// property), as a database written before the state moved onto MASTERY edges holds it.
MATCH (l:Learner {id: $learnerId})
SET l.kt = $kt, l.rev = randomUUID()
REMOVE l.ktAttempts, l.ktEvents
WITH l
OPTIONAL MATCH (l)-[m:MASTERY]->(:Concept)
REMOVE m.lastPracticedMs, m.lastPracticedIndex
RETURN count(m) AS edges, collect(m.lastPracticedMs) AS left, l.ktEvents AS events
