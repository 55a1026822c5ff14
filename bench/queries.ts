/** The operations the benchmark sends: what a learning app, a dashboard and a designer ask. */

export const RECORD = "mutation Record($e: [EventInput!]!) { recordEvents(events: $e) { accepted duplicates rejected } }";

export const IMPORT = "mutation Import($c: String!) { importCurriculum(format: JSON, content: $c) { applied valid problems { code message } } }";

export const RECOMMENDATIONS =
  "query Recs($id: ID!) { learner(id: $id) { recommendations(limit: 5) { concept { id name } kind score explanation items { item { id } predictedCorrect } } } }";

export const MASTERY = "query Mastery($id: ID!, $c: [ID!]) { learner(id: $id) { mastery(conceptIds: $c) { conceptId p attempts lastPracticedAt explanation { name text } } } }";

export const LEARNING_PATH =
  "query Path($id: ID!, $g: ID!) { learner(id: $id) { learningPath(goalConceptId: $g) { status totalEstimatedPractice steps { concept { id } mastery estimatedPractice } } } }";

/** Three levels of prerequisites around one concept. */
export const CONCEPT_GRAPH =
  "query Graph($id: ID!) { conceptGraph(rootIds: [$id], direction: PREREQUISITES, depth: 3) { nodes { depth concept { id name } } edges { conceptId prerequisiteId } } }";

/** The same three levels through @neo4j/graphql's generated schema. */
export const PEER_CONCEPT_GRAPH =
  "query Graph($id: ID!) { concepts(where: { id: { eq: $id } }) { id name prerequisites { id name prerequisites { id name prerequisites { id name } } } } }";

export const UPDATE_CONCEPT = "mutation Edit($id: ID!, $d: String!) { updateConcept(id: $id, input: { description: $d }) { id } }";

export const ADD_PREREQUISITE = "mutation Add($c: ID!, $p: ID!) { addPrerequisite(conceptId: $c, prerequisiteId: $p, weight: 0.5) { weight } }";

export const REMOVE_PREREQUISITE = "mutation Remove($c: ID!, $p: ID!) { removePrerequisite(conceptId: $c, prerequisiteId: $p) }";
