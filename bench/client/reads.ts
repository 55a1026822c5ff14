/** Read tasks: what learners' apps and dashboards ask, and their bare-Cypher and @neo4j/graphql peers. */
import neo4j from "neo4j-driver";
import { cypher, offlineCypher } from "../../src/neo4j/cypher.js";
import { THRESHOLDS } from "../../src/domain/mastery/thresholds.js";
import { LEARNER_PREFIX, LEVELS, learnerId } from "../generate.js";
import { CONCEPT_GRAPH, LEARNING_PATH, MASTERY, PEER_CONCEPT_GRAPH, RECOMMENDATIONS } from "../queries.js";
import type { Context } from "./context.js";
import type { Task } from "./tasks.js";

/** RECENT_ITEM_WINDOW_MS of recommendations.service.ts (importing it would load the GraphQL types). */
const RECENT_ITEM_WINDOW_MS = 3 * 86_400_000;

export const recommendations = (ctx: Context): Task => ({
  run: () => ctx.frontier.request(RECOMMENDATIONS, { id: ctx.anyLearner() }).then(() => 1),
});

/**
 * Every loaded learner's recommendations once, in order (the job's maxCalls is the number of
 * learners): before the read scenarios, so the server holds their snapshots as it holds those of
 * a deployment's active learners.
 */
export function warmLearners(ctx: Context): Task {
  let next = 0;
  return { run: () => ctx.frontier.request(RECOMMENDATIONS, { id: learnerId(next++) }).then(() => 1) };
}

export const mastery = (ctx: Context): Task => ({
  run: () => ctx.frontier.request(MASTERY, { id: ctx.anyLearner(), c: null }).then(() => 1),
});

/**
 * The frontier traversal alone, as one bare Cypher query through the driver: what the
 * recommendations resolver costs at the least (the same statement and parameters the service
 * sends; it also returns the learner's model state).
 */
export function recommendationsCypher(ctx: Context): Task {
  const text = cypher("recommendations/frontier").text;
  return {
    async run() {
      const session = ctx.db.driver.session({ database: ctx.db.database, defaultAccessMode: neo4j.session.READ });
      try {
        const params = { learnerId: ctx.anyLearner(), goalId: null, within: null, mastered: THRESHOLDS.mastered, ready: THRESHOLDS.ready, struggleAttempts: THRESHOLDS.struggleAttempts, struggleRecent: THRESHOLDS.struggleRecent, since: Date.now() - RECENT_ITEM_WINDOW_MS };
        await session.executeRead((tx) => tx.run(text, params));
      } finally {
        await session.close();
      }
      return 1;
    },
  };
}

/**
 * What the in-memory read path sends to Neo4j per request, as one bare Cypher query through the
 * driver: the learner snapshot statement (mastery/learner-snapshots) for one learner whose
 * revision the server holds, so it returns the revision and the curriculum's version only. The
 * server batches these (one statement per turn of its event loop for every request waiting), so
 * one learner per statement is the most a request can cost Neo4j once the learner is held; the
 * revisions are read once, when the task starts (this scenario writes nothing).
 */
export function recommendationsReadPath(ctx: Context): Task {
  const text = cypher("mastery/learner-snapshots").text;
  const revsText = offlineCypher("bench/learner-revs").text;
  let revs: Promise<Map<string, string>> | null = null;
  const loadRevs = async () => {
    const session = ctx.db.driver.session({ database: ctx.db.database, defaultAccessMode: neo4j.session.READ });
    try {
      const r = await session.executeRead((tx) => tx.run(revsText, { prefix: LEARNER_PREFIX }));
      return new Map(r.records.map((x) => [x.get("id") as string, x.get("rev") as string]));
    } finally {
      await session.close();
    }
  };
  return {
    async run() {
      const held = await (revs ??= loadRevs());
      const id = ctx.anyLearner();
      const session = ctx.db.driver.session({ database: ctx.db.database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.executeRead((tx) => tx.run(text, { learners: [{ id, rev: held.get(id) ?? null, since: Date.now() - RECENT_ITEM_WINDOW_MS }] }));
      } finally {
        await session.close();
      }
      return 1;
    },
  };
}

/**
 * `{ __typename }` through the same HTTP client, token and server: the transport, Apollo's request
 * pipeline and the authentication a request pays before any resolver runs (no database work).
 * The floor under any GraphQL request on this machine.
 */
export const transportFloor = (ctx: Context): Task => ({
  run: () => ctx.frontier.request("{ __typename }", {}).then(() => 1),
});

/** A goal `depth` levels deep: a concept of level `depth` (level 1 has no prerequisites, 12 is the deepest). */
export const learningPath = (ctx: Context, options: Record<string, number | string>): Task => {
  const depth = Math.min(LEVELS, Math.max(1, Number(options.depth ?? LEVELS)));
  return { run: () => ctx.frontier.request(LEARNING_PATH, { id: ctx.anyLearner(), g: ctx.conceptAt(depth) }).then(() => 1) };
};

/** Roots at levels 4-12, so three levels of prerequisites exist below each. */
const deepConcept = (ctx: Context) => ctx.conceptAt(4 + Math.floor(ctx.random() * (LEVELS - 3)));

export const conceptGraph = (ctx: Context): Task => ({
  run: () => ctx.frontier.request(CONCEPT_GRAPH, { id: deepConcept(ctx) }).then(() => 1),
});

export function conceptGraphPeer(ctx: Context): Task {
  const peer = ctx.peer;
  if (!peer) throw new Error("conceptGraphPeer needs the @neo4j/graphql peer (peerUrl)");
  return { run: () => peer.request(PEER_CONCEPT_GRAPH, { id: deepConcept(ctx) }).then(() => 1) };
}
