/** Read tasks: what learners' apps and dashboards ask, and their bare-Cypher and @neo4j/graphql peers. */
import neo4j from "neo4j-driver";
import { cypher } from "../../src/neo4j/cypher.js";
import { THRESHOLDS } from "../../src/domain/mastery/thresholds.js";
import { LEVELS } from "../generate.js";
import { CONCEPT_GRAPH, LEARNING_PATH, MASTERY, PEER_CONCEPT_GRAPH, RECOMMENDATIONS } from "../queries.js";
import type { Context } from "./context.js";
import type { Task } from "./tasks.js";

/** RECENT_ITEM_WINDOW_MS of recommendations.service.ts (importing it would load the GraphQL types). */
const RECENT_ITEM_WINDOW_MS = 3 * 86_400_000;

export const recommendations = (ctx: Context): Task => ({
  run: () => ctx.frontier.request(RECOMMENDATIONS, { id: ctx.anyLearner() }).then(() => 1),
});

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
 * driver: the learner's state, stored goal and recent items (recommendations/learner-read); the
 * floor of the new path's database work.
 */
export function recommendationsReadPath(ctx: Context): Task {
  const text = cypher("recommendations/learner-read").text;
  return {
    async run() {
      const session = ctx.db.driver.session({ database: ctx.db.database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.executeRead((tx) => tx.run(text, { learnerId: ctx.anyLearner(), since: Date.now() - RECENT_ITEM_WINDOW_MS }));
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
