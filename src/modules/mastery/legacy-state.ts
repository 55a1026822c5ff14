import type { Logger } from "../../logger.js";
import type { LearnerState } from "../../domain/mastery/model.js";
import type { Database } from "../../neo4j/run.js";
import { MasteryRepository } from "./mastery.repository.js";
const CHUNK = 2000;

/**
 * Moves model state stored in the old format (one `kt` JSON property per learner) onto the graph
 * the server now reads: ability and counters on the learner, each concept's fields on its MASTERY
 * edge (which already held mastery, attempts and recent score). Runs at server start-up and
 * before every CLI command (one scan of the learners when none is left). Idempotent and
 * resumable by chunk; a learner whose `kt` changed since it was read is left for the next run.
 * Stop servers of the older version first: they keep writing `kt`.
 * @returns the number of learners migrated
 */
export async function migrateLegacyLearnerState(db: Database, logger: Logger): Promise<number> {
  const repo = new MasteryRepository(db);
  let total = 0;
  for (;;) {
    const rows = await repo.legacyStates(CHUNK);
    if (rows.length === 0) break;
    const parsed = rows.map((r) => {
      const kt = r.kt;
      let s: LearnerState;
      try {
        s = JSON.parse(kt) as LearnerState;
      } catch {
        // Unreadable: the learner starts from the edges' mastery with default counters.
        logger.error({ learnerId: r.id }, "unreadable kt model state dropped");
        s = { ability: 0, attempts: 0, events: 0, concepts: {} };
      }
      return {
        id: r.id,
        kt,
        ability: s.ability,
        attempts: s.attempts,
        events: s.events,
        concepts: Object.entries(s.concepts ?? {}).map(([id, c]) => ({ id, lastPracticedAt: c.lastPracticedAt, lastPracticedIndex: c.lastPracticedIndex })),
      };
    });
    // Nothing matched (every kt changed under us, or ids that cannot be matched): stop, next start retries.
    if ((await repo.writeLegacyStates(parsed)) === 0) break;
    total += parsed.length;
    logger.info({ migrated: total }, "learner model state moved from the kt property onto MASTERY edges");
  }
  return total;
}
