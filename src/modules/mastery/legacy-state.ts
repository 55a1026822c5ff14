import type { Logger } from "../../logger.js";
import { cypher } from "../../neo4j/cypher.js";
import type { Database } from "../../neo4j/run.js";
import type { LearnerState } from "./model.js";

const Q = { read: cypher("mastery/legacy-state-read"), write: cypher("mastery/legacy-state-write") };
const CHUNK = 2000;

/**
 * Moves model state stored in the old format (one `kt` JSON property per learner) onto the graph
 * the server now reads: ability and counters on the learner, each concept's fields on its MASTERY
 * edge (which already held mastery, attempts and recent score). Runs at start-up; a database
 * without old-format learners costs one indexed-label query. Idempotent and resumable by chunk.
 * @returns the number of learners migrated
 */
export async function migrateLegacyLearnerState(db: Database, logger: Logger): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.read(Q.read, { limit: CHUNK });
    if (rows.length === 0) break;
    const parsed = rows.map((r) => {
      const s = JSON.parse(r.kt as string) as LearnerState;
      return {
        id: r.id as string,
        ability: s.ability,
        attempts: s.attempts,
        events: s.events,
        concepts: Object.entries(s.concepts).map(([id, c]) => ({ id, lastPracticedAt: c.lastPracticedAt, lastPracticedIndex: c.lastPracticedIndex })),
      };
    });
    await db.write(Q.write, { rows: parsed });
    total += parsed.length;
    logger.info({ migrated: total }, "learner model state moved from the kt property onto MASTERY edges");
  }
  return total;
}
