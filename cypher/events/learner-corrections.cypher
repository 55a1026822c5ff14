// A learner's corrections in force (not reverted), for replaying their timeline.
MATCH (c:Correction {learnerId: $learnerId})
WHERE c.revertedAt IS NULL
RETURN c {.id, .conceptId, .p, .note, .by, .byRole, at: c.at.epochMillis} AS correction
ORDER BY c.at, c.id
