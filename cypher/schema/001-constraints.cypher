// Idempotent schema migration, run at start-up. One statement per `;`.
CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT item_id IF NOT EXISTS FOR (i:Item) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT learner_id IF NOT EXISTS FOR (l:Learner) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT teacher_id IF NOT EXISTS FOR (t:Teacher) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT class_id IF NOT EXISTS FOR (k:Class) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT curriculum_lock_id IF NOT EXISTS FOR (l:CurriculumLock) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE;
CREATE TEXT INDEX concept_name_text IF NOT EXISTS FOR (c:Concept) ON (c.name);
CREATE INDEX concept_root IF NOT EXISTS FOR (c:Concept) ON (c.root);
CREATE INDEX item_kind IF NOT EXISTS FOR (i:Item) ON (i.kind);
CREATE INDEX topic_level IF NOT EXISTS FOR (t:Topic) ON (t.level);
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;
CREATE INDEX event_learner IF NOT EXISTS FOR (e:Event) ON (e.learnerId, e.occurredAt);
CREATE INDEX mastery_change_learner IF NOT EXISTS FOR (m:MasteryChange) ON (m.learnerId, m.seq);
CREATE CONSTRAINT kt_model_id IF NOT EXISTS FOR (k:KtModel) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT rejection_stat_code IF NOT EXISTS FOR (s:RejectionStat) REQUIRE s.code IS UNIQUE
