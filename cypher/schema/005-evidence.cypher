// xAPI statements and Caliper events (the intake's audit trail), and the activity -> item table.
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (s:Statement) REQUIRE s.id IS UNIQUE;
CREATE INDEX statement_learner IF NOT EXISTS FOR (s:Statement) ON (s.learnerId);
CREATE CONSTRAINT activity_id IF NOT EXISTS FOR (a:Activity) REQUIRE a.id IS UNIQUE;
CREATE INDEX activity_item IF NOT EXISTS FOR (a:Activity) ON (a.itemId)
