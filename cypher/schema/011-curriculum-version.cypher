// The curriculum's version (docs: src/modules/curriculum/README.md, "Freshness"): one node whose
// counter every curriculum write bumps as its last statement, so a server can tell with one
// property read whether its per-process copies (concepts, items, the graph) may be stale.
CREATE CONSTRAINT curriculum_version_id IF NOT EXISTS FOR (v:CurriculumVersion) REQUIRE v.id IS UNIQUE;
MERGE (v:CurriculumVersion {id: 'curriculum'}) ON CREATE SET v.n = 0
