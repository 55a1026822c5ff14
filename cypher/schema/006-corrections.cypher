// Teachers' corrections of mastery (the audit log): by id, by learner, by learner and concept.
CREATE CONSTRAINT correction_id IF NOT EXISTS FOR (c:Correction) REQUIRE c.id IS UNIQUE;
CREATE INDEX correction_learner IF NOT EXISTS FOR (c:Correction) ON (c.learnerId);
CREATE INDEX correction_learner_concept IF NOT EXISTS FOR (c:Correction) ON (c.learnerId, c.conceptId)
