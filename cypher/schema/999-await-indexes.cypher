// Runs last at every start: wait until the indexes created above are online.
CALL db.awaitIndexes(120)
