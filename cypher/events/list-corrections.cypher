// The correction log of some learners (a class, or one learner), newest first.
UNWIND $learnerIds AS lid
MATCH (c:Correction {learnerId: lid})
WITH c ORDER BY c.at DESC, c.id
LIMIT toInteger($limit)
RETURN c {.id, .learnerId, .conceptId, .p, .before, .after, .note, .by, .byRole, .seq, .revertedBy, .revertedByRole, .revertNote,
  at: c.at.epochMillis, revertedAt: c.revertedAt.epochMillis} AS correction
