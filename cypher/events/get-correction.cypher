// One correction by id.
MATCH (c:Correction {id: $id})
RETURN c {.id, .learnerId, .conceptId, .p, .before, .after, .note, .by, .byRole, .seq, .revertedBy, .revertedByRole, .revertNote,
  at: c.at.epochMillis, revertedAt: c.revertedAt.epochMillis} AS correction
