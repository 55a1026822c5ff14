// Mastery changes were also indexed on (learnerId, conceptId, at). No query uses that index:
// masteryHistory, live catch-up and class catch-up all seek (learnerId, seq) and filter the
// concept and the time window on the learner's changes (test/integration/neo4j/query-plans checks
// the plans). Every recorded change paid for it. Dropped.
DROP INDEX mastery_change_concept IF EXISTS
