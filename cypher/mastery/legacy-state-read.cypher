// Start-up data migration: learners still holding their model state as one JSON property (`kt`,
// the format before the state moved onto MASTERY edges), a chunk at a time.
MATCH (l:Learner) WHERE l.kt IS NOT NULL
RETURN l.id AS id, l.kt AS kt
LIMIT toInteger($limit)
