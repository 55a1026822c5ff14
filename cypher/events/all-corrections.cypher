// Every correction, oldest first, a page at a time (kt corrections: labelled data for the model).
MATCH (c:Correction)
WHERE c.at > datetime({epochMillis: toInteger($after)}) OR (c.at = datetime({epochMillis: toInteger($after)}) AND c.id > $afterId)
WITH c ORDER BY c.at, c.id
LIMIT toInteger($limit)
RETURN c {.id, .learnerId, .conceptId, .p, .before, .after, .note, .by, .byRole, .seq, .revertedBy, .revertedByRole, .revertNote,
  at: c.at.epochMillis, revertedAt: c.revertedAt.epochMillis} AS correction
