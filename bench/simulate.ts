/**
 * Answer histories drawn from the project's own mastery model, one learner at a time (so a writer
 * can generate its own learners without holding millions of events in memory).
 *
 * A learner has a hidden ability (logits, normal around 0) and a strand (a position in the
 * curriculum). They work through concepts whose prerequisites they have finished, nearest their
 * strand and lowest level first, answering items of the concept until the model's mastery reaches
 * 0.85 or 8 attempts (then they move on, leaving a weak concept behind, as real learners do).
 * Each answer is correct with the model's P(correct) shifted by the hidden ability, so masteries
 * end up spread as a live deployment's would. Sessions of about 20 answers, 30-90 s apart, a day
 * or so between sessions, all in the 60 days before `now`.
 */
import { defaultModelParams, initialLearnerState, logit, predictCorrect, sigmoid, update, type LearnerState, type ModelParams } from "../src/domain/mastery/model.js";
import { conceptId, curriculum, itemId, learnerId, LEVELS, PREFIX, rng, type Curriculum, type Spec } from "./generate.js";

export interface AnswerEvent {
  eventId: string;
  learnerId: string;
  itemId: string;
  correct: boolean;
  occurredAt: string;
}

const DAY = 86_400_000;

export interface Simulator {
  /** The learner's history in time order; `answers` of them. */
  history(learner: number, answers: number): AnswerEvent[];
}

/** The server's default model, with the designer-set item difficulties it uses for unfitted items. */
function modelFor(doc: Curriculum): ModelParams {
  const params = defaultModelParams();
  for (const item of doc.items) params.itemDifficulty[item.id] = item.difficulty;
  return params;
}

export function simulator(spec: Spec, now: number, doc: Curriculum = curriculum(spec)): Simulator {
  const params = modelFor(doc);
  const dependents: number[][] = doc.requires.map(() => []);
  doc.requires.forEach((ps, c) => ps.forEach((p) => dependents[p]?.push(c)));
  const roots = doc.requires.flatMap((ps, c) => (ps.length === 0 ? [c] : []));
  return {
    history(l, answers) {
      const r = rng(spec.seed * 1_000_003 + l * 7 + 3);
      const ability = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
      const strand = r();
      const remaining = doc.requires.map((ps) => ps.length);
      const available = new Set(roots);
      let state: LearnerState = initialLearnerState();
      // Sessions of ~20 answers about a day apart, ending in the last week.
      const span = (answers / 20) * 1.3 * DAY + answers * 60_000;
      let at = now - span - r() * 7 * DAY - 2 * 3_600_000;
      const events: AnswerEvent[] = [];
      while (events.length < answers && available.size > 0) {
        const c = nearest(available, strand, spec, r);
        available.delete(c);
        for (let attempt = 0; attempt < 8 && events.length < answers; attempt++) {
          // Easier items more often, as an adaptive platform serves them (items are ordered by difficulty).
          const k = Math.floor(r() * r() * spec.itemsPerConcept);
          const item = { itemId: itemId(c, k), conceptIds: [conceptId(c)] };
          const p = sigmoid(logit(predictCorrect(params, state, item, at).p) + 0.8 * ability);
          const correct = r() < p;
          state = update(params, state, { ...item, score: correct ? 1 : 0, occurredAt: at }).state;
          events.push({ eventId: `${PREFIX}h${l}-${events.length}`, learnerId: learnerId(l), itemId: item.itemId, correct, occurredAt: new Date(at).toISOString() });
          at = Math.min(now - 1000, at + (events.length % 20 === 0 ? DAY * (0.5 + r()) : 30_000 + r() * 60_000));
          if ((state.concepts[conceptId(c)]?.mastery ?? 0) >= 0.85) break;
        }
        for (const d of dependents[c] ?? []) if (--(remaining[d] as number) === 0) available.add(d);
      }
      return events;
    },
  };
}

/** The available concept nearest the strand (a position in [0, 1) within a level), preferring low levels; noise breaks ties. */
function nearest(available: Set<number>, strand: number, spec: Spec, r: () => number): number {
  let best = -1;
  let bestCost = Infinity;
  for (const c of available) {
    const position = (c * LEVELS) / spec.concepts;
    const cost = Math.floor(position) * 0.15 + Math.abs(position - Math.floor(position) - strand) + r() * 0.3;
    if (cost < bestCost) {
      bestCost = cost;
      best = c;
    }
  }
  return best;
}
