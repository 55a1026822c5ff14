/**
 * The benchmark's deterministic curriculum: N concepts in 12 levels (level 1 has no prerequisites,
 * a concept at level k has one prerequisite at level k - 1 and up to three more from the two
 * levels below, near its own position, as prerequisites of a real course stay within a strand),
 * topics of about 20 concepts under one chapter per level and one subject, and 10 items per
 * concept with difficulties spread over [-2, 2] logits. The same seed gives the same curriculum,
 * so the load client regenerates it instead of receiving it.
 */
export const PREFIX = "bench-";
export const LEVELS = 12;
const CONCEPTS_PER_TOPIC = 20;
/** How far (in concepts) a prerequisite may sit from its dependent's position in the level below. */
const STRAND_WIDTH = 8;

export interface Spec {
  /** 1 = 2,000 concepts, 20,000 items, 10,000 learners, 1,000,000 answers. */
  scale: number;
  concepts: number;
  itemsPerConcept: number;
  learners: number;
  answers: number;
  seed: number;
}

export function specFor(scale: number, opts: { answersPerLearner?: number; seed?: number } = {}): Spec {
  const concepts = Math.max(LEVELS * 2, Math.round(2000 * scale));
  const learners = Math.max(10, Math.round(10_000 * scale));
  return { scale, concepts, itemsPerConcept: 10, learners, answers: learners * (opts.answersPerLearner ?? 100), seed: opts.seed ?? 1 };
}

/** A small, fast PRNG (mulberry32): uniform in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export const conceptId = (i: number) => `${PREFIX}c${i}`;
export const itemId = (concept: number, k: number) => `${PREFIX}c${concept}-q${k}`;
/** What every loaded learner's id starts with. */
export const LEARNER_PREFIX = `${PREFIX}l`;
export const learnerId = (l: number) => `${LEARNER_PREFIX}${l}`;

/** Level (0-based, 0..11) of concept i, and the index range [first, end) of a level. */
export const levelOf = (spec: Spec, i: number) => Math.floor((i * LEVELS) / spec.concepts);
export const levelRange = (spec: Spec, level: number): [number, number] => [Math.ceil((level * spec.concepts) / LEVELS), Math.ceil(((level + 1) * spec.concepts) / LEVELS)];

export interface Curriculum {
  topics: Array<{ id: string; name: string; level: "SUBJECT" | "CHAPTER" | "TOPIC"; parentId: string | null }>;
  concepts: Array<{ id: string; name: string; description: string; tags: string[]; topicId: string }>;
  prerequisites: Array<{ conceptId: string; prerequisiteId: string; weight: number }>;
  items: Array<{ id: string; kind: string; title: string; difficulty: number; assesses: Array<{ conceptId: string; weight: number }> }>;
  /** prerequisite indices of each concept (not part of the import format). */
  requires: number[][];
}

/** The curriculum of `spec`, in importCurriculum's JSON format (plus `requires`). */
export function curriculum(spec: Spec): Curriculum {
  const r = rng(spec.seed * 7919 + 1);
  const subject = `${PREFIX}subject`;
  const topics: Curriculum["topics"] = [{ id: subject, name: "Bench subject", level: "SUBJECT", parentId: null }];
  const concepts: Curriculum["concepts"] = [];
  const requires: number[][] = [];
  for (let level = 0; level < LEVELS; level++) {
    const [first, end] = levelRange(spec, level);
    const chapter = `${PREFIX}ch${level + 1}`;
    topics.push({ id: chapter, name: `Level ${level + 1}`, level: "CHAPTER", parentId: subject });
    for (let i = first; i < end; i++) {
      const topicId = `${PREFIX}t${level + 1}-${Math.floor((i - first) / CONCEPTS_PER_TOPIC)}`;
      if ((i - first) % CONCEPTS_PER_TOPIC === 0) topics.push({ id: topicId, name: `Topic ${level + 1}.${Math.floor((i - first) / CONCEPTS_PER_TOPIC)}`, level: "TOPIC", parentId: chapter });
      concepts.push({ id: conceptId(i), name: `Concept ${i}`, description: `Level ${level + 1}`, tags: ["bench", `level-${level + 1}`], topicId });
      requires.push(level === 0 ? [] : prerequisitesOf(spec, r, level, (i - first) / (end - first)));
    }
  }
  const prerequisites = requires.flatMap((ps, i) => ps.map((p, k) => ({ conceptId: conceptId(i), prerequisiteId: conceptId(p), weight: k === 0 ? 1 : 0.5 })));
  const kinds = ["QUESTION", "QUESTION", "QUESTION", "QUESTION", "QUESTION", "QUESTION", "QUESTION", "EXERCISE", "EXERCISE", "EXERCISE"];
  const items = concepts.flatMap((c, i) =>
    Array.from({ length: spec.itemsPerConcept }, (_, k) => ({
      id: itemId(i, k),
      kind: kinds[k % kinds.length] as string,
      title: `Item ${k} of concept ${i}`,
      difficulty: Math.round((-2 + (4 * k) / Math.max(1, spec.itemsPerConcept - 1) + (r() - 0.5) * 0.4) * 100) / 100,
      assesses: [{ conceptId: c.id, weight: 1 }],
    })),
  );
  return { topics, concepts, prerequisites, items, requires };
}

/** Fan-in 1-4 (35/35/20/10 %): the first from the level below, the rest from the two levels below, all near `position`. */
function prerequisitesOf(spec: Spec, r: () => number, level: number, position: number): number[] {
  const u = r();
  const fanIn = u < 0.35 ? 1 : u < 0.7 ? 2 : u < 0.9 ? 3 : 4;
  const out = new Set<number>();
  for (let k = 0; k < fanIn * 3 && out.size < fanIn; k++) {
    const from = k === 0 || level < 2 || r() < 0.75 ? level - 1 : level - 2;
    const [first, end] = levelRange(spec, from);
    const centre = first + Math.floor(position * (end - first));
    const p = Math.min(end - 1, Math.max(first, centre + Math.round((r() * 2 - 1) * STRAND_WIDTH)));
    out.add(p);
  }
  return [...out];
}
