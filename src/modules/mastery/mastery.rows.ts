import { z } from "zod";
import { learnerStateFrom, type LearnerState } from "../../domain/mastery/model.js";

/**
 * How a learner's model state comes back from Cypher (learner-snapshots.cypher, learner-state.cypher,
 * the recommendation and class reads): counters on the learner, and one list per practised
 * concept, `[conceptId, p, attempts, recent, lastPracticedMs, lastPracticedIndex, impliedBy]` (lists, not
 * maps: a learner can have thousands). Decoded here, once, into the model's LearnerState.
 */
const n = z.number();
const count = z
  .number()
  .nullish()
  .transform((v) => v ?? 0);
export const ConceptStateTuple = z.tuple([z.string(), n, count, count, count, count]).rest(z.unknown());

export const StoredStateRow = z
  .object({
    ability: n.nullish().transform((v) => v ?? null),
    attempts: n.nullish().transform((v) => v ?? null),
    events: n.nullish().transform((v) => v ?? null),
    concepts: z.array(ConceptStateTuple).nullish().transform((v) => v ?? null),
  })
  .nullish()
  .transform((s): LearnerState => learnerStateFrom(s));

/** A stored MasteryChange node (`h {.*}`); `explanation` holds the detail JSON (its name before sentences existed). */
export const StoredChangeRow = z
  .object({
    seq: n,
    learnerId: z.string(),
    conceptId: z.string(),
    eventId: z.string(),
    at: z.union([n, z.date()]),
    before: n,
    after: n,
    attempts: n.nullish(),
    reason: z.string(),
    explanation: z.string().nullish(),
    recordedAt: z.union([n, z.date()]).nullish(),
  })
  .transform(({ explanation, ...c }) => ({ ...c, detail: explanation ?? "{}" }));

export type StoredChange = z.output<typeof StoredChangeRow>;
