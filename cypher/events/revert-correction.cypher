// Marks a correction reverted (inside the revert's transaction, learner locked). It stays as the
// audit record; replays leave it out from now on.
MATCH (c:Correction {id: $id})
WHERE c.revertedAt IS NULL
SET c.revertedAt = datetime({epochMillis: toInteger($at)}), c.revertedBy = $by, c.revertedByRole = $byRole, c.revertNote = $note
RETURN c.id AS id
