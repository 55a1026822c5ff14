/**
 * The prerequisite audit measured against a known truth (docs/prerequisite-audit.md): a seeded
 * curriculum DAG, learners whose knowledge can only grow along it, practice sessions in the
 * skill-builder style, then the audit run on a copy of the graph with some true edges removed and
 * some wrong ones added. Offline (CLI and tests only).
 */
import type { Edge } from "../domain/curriculum/graph-analysis.js";
import { redundantEdges } from "../domain/curriculum/graph-analysis.js";
import { EvidenceBuilder, type AuditAnswer } from "../domain/audit/learner-evidence.js";
import { AUDIT_CONSTANTS, auditPrerequisites, type AuditConcept, type AuditConstants, type AuditReport } from "../domain/audit/prerequisite-audit.js";

/** A seeded generator in [0, 1) (mulberry32): the same curriculum and learners on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export interface SimulationSettings {
  concepts: number;
  topics: number;
  /** Share of a concept's prerequisites drawn from its own topic, in [0, 1]. */
  sameTopicShare: number;
  /** Share of true edges removed from the designer's copy, and wrong edges added (as a share of true edges). */
  removedShare: number;
  wrongShare: number;
  /** Answer model: P(correct | known) = 1 - slip, P(correct | not known) = guess. */
  slip: number;
  guess: number;
  /** Answers per practice session at most (a session also ends at the mastery run). */
  maxAttempts: number;
  /** P(a concept is skipped by a learner), in [0, 1]. */
  skip: number;
  /** P(a learner comes back, after the first pass, for one more session on a concept not mastered then), in [0, 1]. */
  review: number;
}

export const SIMULATION_SETTINGS: SimulationSettings = {
  concepts: 40,
  topics: 5,
  sameTopicShare: 0.8,
  removedShare: 0.15,
  wrongShare: 0.15,
  slip: 0.1,
  guess: 0.2,
  maxAttempts: 12,
  skip: 0.2,
  review: 0.7,
};

export interface Curriculum {
  concepts: AuditConcept[];
  /** The true edges (transitively reduced): c REQUIRES p exactly when p must be known to learn c. */
  truth: Edge[];
  /** The designer's copy: truth minus `removed`, plus `wrong`. */
  given: Edge[];
  removed: Edge[];
  wrong: Edge[];
  /** Per concept, how hard it is to learn (logits). */
  difficulty: number[];
}

const cid = (i: number) => `k${String(i).padStart(3, "0")}`;

/** A random curriculum DAG (edges always go from a later concept to an earlier one) and its perturbed copy. */
export function generateCurriculum(rand: () => number, s: SimulationSettings = SIMULATION_SETTINGS): Curriculum {
  const per = Math.ceil(s.concepts / s.topics);
  const topicOf = (i: number) => Math.floor(i / per);
  const concepts = Array.from({ length: s.concepts }, (_, i) => ({ id: cid(i), topicId: `t${topicOf(i)}` }));
  const pairs = new Set<string>();
  const edges: Edge[] = [];
  for (let i = 1; i < s.concepts; i++) {
    const t = topicOf(i);
    const own = Array.from({ length: i - t * per }, (_, k) => t * per + k);
    const earlier = Array.from({ length: t * per }, (_, k) => k);
    const count = 1 + (rand() < 0.5 ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const pool = (rand() < s.sameTopicShare && own.length > 0) || earlier.length === 0 ? own : earlier;
      if (pool.length === 0) continue;
      const p = pool[Math.floor(rand() * pool.length)] as number;
      const key = `${i}-${p}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      edges.push({ conceptId: cid(i), prerequisiteId: cid(p) });
    }
  }
  const redundant = new Set(redundantEdges(edges).map((e) => `${e.conceptId}-${e.prerequisiteId}`));
  const truth = edges.filter((e) => !redundant.has(`${e.conceptId}-${e.prerequisiteId}`));

  const up = new Map<string, string[]>();
  for (const e of truth) up.set(e.conceptId, [...(up.get(e.conceptId) ?? []), e.prerequisiteId]);
  const ancestors = (c: string) => {
    const seen = new Set<string>();
    const stack = [c];
    while (stack.length) {
      for (const p of up.get(stack.pop() as string) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        stack.push(p);
      }
    }
    return seen;
  };
  const shuffled = [...truth].sort(() => rand() - 0.5);
  const removed = shuffled.slice(0, Math.round(truth.length * s.removedShare));
  const removedKeys = new Set(removed.map((e) => `${e.conceptId}-${e.prerequisiteId}`));
  const wrong: Edge[] = [];
  const target = Math.round(truth.length * s.wrongShare);
  for (let guard = 0; wrong.length < target && guard < 10_000; guard++) {
    // A designer's wrong edge: a concept taught earlier, mostly in the same or the previous topic, that is not truly needed.
    const i = 1 + Math.floor(rand() * (s.concepts - 1));
    const lo = Math.max(0, (topicOf(i) - 1) * per);
    const p = lo + Math.floor(rand() * (i - lo));
    const c = cid(i), q = cid(p);
    if (ancestors(c).has(q) || wrong.some((w) => w.conceptId === c && w.prerequisiteId === q)) continue;
    wrong.push({ conceptId: c, prerequisiteId: q });
  }
  const given = [...truth.filter((e) => !removedKeys.has(`${e.conceptId}-${e.prerequisiteId}`)), ...wrong];
  const difficulty = concepts.map(() => normal(rand) * 0.7);
  return { concepts, truth, given, removed, wrong, difficulty };
}

/**
 * One learner's answers: ability ~ N(0, 1); a concept is known beforehand with probability
 * 0.4 * sigmoid(ability - difficulty + 0.5) when all its true prerequisites are known; concepts are practised in
 * a random order that respects the true graph and the designer's copy, some skipped; a session is up
 * to `maxAttempts` answers or until three correct in a row; after each answer an unknown concept
 * whose true prerequisites are all known is learned with probability 0.5 * sigmoid(ability - difficulty + 1);
 * after the pass, each concept not mastered gets one more session with probability `review`.
 * A concept whose prerequisites are not known cannot be learned: knowledge follows the graph.
 */
export function simulateLearner(rand: () => number, cur: Curriculum, s: SimulationSettings = SIMULATION_SETTINGS): AuditAnswer[] {
  const n = cur.concepts.length;
  const index = new Map(cur.concepts.map((c, i) => [c.id, i]));
  const prereqs: number[][] = Array.from({ length: n }, () => []);
  for (const e of cur.truth) (prereqs[index.get(e.conceptId) as number] as number[]).push(index.get(e.prerequisiteId) as number);
  const ability = normal(rand);
  const known = new Uint8Array(n);
  const ready = (i: number) => (prereqs[i] as number[]).every((p) => known[p]);
  for (let i = 0; i < n; i++) if (ready(i) && rand() < 0.4 * sigmoid(ability - (cur.difficulty[i] as number) + 0.5)) known[i] = 1;
  // A random order that respects both the true graph and the designer's copy (the teacher follows
  // the designer's map; both point from later concepts to earlier ones, so the union is acyclic).
  const before: number[][] = prereqs.map((ps) => [...ps]);
  for (const e of cur.given) (before[index.get(e.conceptId) as number] as number[]).push(index.get(e.prerequisiteId) as number);
  const done = new Uint8Array(n);
  const order: number[] = [];
  while (order.length < n) {
    const open: number[] = [];
    for (let i = 0; i < n; i++) if (!done[i] && (before[i] as number[]).every((p) => done[p])) open.push(i);
    const pick = open[Math.floor(rand() * open.length)] as number;
    done[pick] = 1;
    order.push(pick);
  }
  const answers: AuditAnswer[] = [];
  const session = (i: number): boolean => {
    const learn = 0.5 * sigmoid(ability - (cur.difficulty[i] as number) + 1);
    let run = 0;
    for (let a = 0; a < s.maxAttempts && run < 3; a++) {
      const correct = rand() < (known[i] ? 1 - s.slip : s.guess);
      run = correct ? run + 1 : 0;
      answers.push({ conceptIds: [(cur.concepts[i] as AuditConcept).id], correct });
      if (!known[i] && ready(i) && rand() < learn) known[i] = 1;
    }
    return run >= 3;
  };
  const notMastered: number[] = [];
  for (const i of order) {
    if (rand() < s.skip) continue;
    if (!session(i)) notMastered.push(i);
  }
  for (const i of notMastered) if (rand() < s.review) session(i);
  return answers;
}

export interface DetectionScore {
  found: number;
  flagged: number;
  planted: number;
  precision: number | null;
  recall: number;
}

const score = (flagged: Edge[], planted: Edge[]): DetectionScore => {
  const keys = new Set(planted.map((e) => `${e.conceptId}-${e.prerequisiteId}`));
  const found = flagged.filter((e) => keys.has(`${e.conceptId}-${e.prerequisiteId}`)).length;
  return { found, flagged: flagged.length, planted: planted.length, precision: flagged.length ? found / flagged.length : null, recall: planted.length ? found / planted.length : 0 };
};

export interface SimulationRun {
  learners: number;
  seed: number;
  wrong: DetectionScore;
  missing: DetectionScore;
  /** Suggested missing edges whose prerequisite is a true ancestor of the concept (right, but not the removed edge itself). */
  missingImpliedByTruth: number;
  notEnoughEvidence: number;
  report: AuditReport;
  curriculum: Curriculum;
}

/** One seeded run: curriculum, `learners` learners, the audit on the perturbed copy, scored against the truth. */
export function runSimulation(learners: number, seed: number, s: SimulationSettings = SIMULATION_SETTINGS, k: AuditConstants = AUDIT_CONSTANTS): SimulationRun {
  const rand = mulberry32(seed);
  const cur = generateCurriculum(rand, s);
  const builder = new EvidenceBuilder(k, cur.concepts.map((c) => c.id));
  for (let l = 0; l < learners; l++) builder.addLearner(simulateLearner(rand, cur, s));
  const report = auditPrerequisites({ concepts: cur.concepts, edges: cur.given }, builder.build(), k);
  const up = new Map<string, string[]>();
  for (const e of cur.truth) up.set(e.conceptId, [...(up.get(e.conceptId) ?? []), e.prerequisiteId]);
  const isAncestor = (c: string, q: string): boolean => (up.get(c) ?? []).some((p) => p === q || isAncestor(p, q));
  const removedKeys = new Set(cur.removed.map((e) => `${e.conceptId}-${e.prerequisiteId}`));
  return {
    missingImpliedByTruth: report.missing.filter((m) => !removedKeys.has(`${m.conceptId}-${m.prerequisiteId}`) && isAncestor(m.conceptId, m.prerequisiteId)).length,
    learners,
    seed,
    wrong: score(report.edges.filter((e) => e.verdict === "CONTRADICTED"), cur.wrong),
    missing: score(report.missing, cur.removed),
    notEnoughEvidence: report.edges.filter((e) => e.verdict === "NOT_ENOUGH_EVIDENCE").length,
    report,
    curriculum: cur,
  };
}

/** Micro-averaged scores over several seeds (counts summed, then divided). */
export function pooled(runs: readonly SimulationRun[], kind: "wrong" | "missing"): DetectionScore {
  const found = runs.reduce((a, r) => a + r[kind].found, 0);
  const flagged = runs.reduce((a, r) => a + r[kind].flagged, 0);
  const planted = runs.reduce((a, r) => a + r[kind].planted, 0);
  return { found, flagged, planted, precision: flagged ? found / flagged : null, recall: planted ? found / planted : 0 };
}
