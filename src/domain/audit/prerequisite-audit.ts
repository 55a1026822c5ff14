/**
 * The prerequisite audit (docs/prerequisite-audit.md): how strongly learner evidence supports each
 * edge `c REQUIRES p`, and which missing edges it suggests. The method follows POKS (Desmarais,
 * Maluf and Liu 1996; Desmarais and Pu 2005): an edge "c requires p" is the implication "mastery of
 * c implies mastery of p", so learners who never master p should rarely master c. Unlike POKS's
 * absolute threshold, the rate is compared with that of learners who did master p, and only among
 * learners who failed none of c's other prerequisites (a conditional-independence test given them).
 * Counts are over learners, on the model-free evidence of learner-evidence.ts. Pure; no I/O.
 */
import { adjacency, findPath, type Edge } from "../curriculum/graph-analysis.js";
import { pairKey, Status, type ConceptColumn, type EvidenceRules, type EvidenceTable } from "./learner-evidence.js";
import { fisherGreater, mantelHaenszelGreater, wilson, type Proportion } from "./stats.js";

export interface AuditConstants extends EvidenceRules {
  /**
   * Relative rates, in (0, 1). Among learners who mastered c's other prerequisites,
   * r = P(c mastered | p not mastered) / P(c mastered | p mastered) is near 0 when p is needed
   * (only guessing masters c without it) and near 1 when it is not. p is "needed" when r is below
   * `neededRatio` with confidence (both Wilson bounds), "not needed" when above `notNeededRatio`.
   */
  neededRatio: number;
  notNeededRatio: number;
  /**
   * An edge is contradicted only where learners with p master c at least this often (in [0, 1]):
   * when even they rarely do, c is blocked by something else and the comparison says nothing of p.
   */
  minMasteryWithPrerequisite: number;
  /** Fewest learners on each side (c's masters with evidence on p; p shown mastered; p shown not mastered). */
  minLearners: number;
  /** Significance of the dependence test; for missing edges divided by the number of candidates tested (Bonferroni). */
  alpha: number;
  /** Plausible missing edges: same topic, or at most this many edges apart (either direction) in the graph. */
  maxDistance: number;
  /**
   * Learners are compared only with learners of a similar level: how many answers they took, on
   * average, to master the other concepts they mastered, cut into this many bands at its quantiles
   * (learners who mastered nothing else form the lowest band). Without it a weak learner's failures
   * on any two concepts look like a prerequisite relation. Speed, not the share mastered: the share
   * falls with every blocked descendant of a failed prerequisite, so banding by it would hide the
   * very effect under test.
   */
  levelBands: number;
  /**
   * Two concepts assessed by the same answers cannot be told apart: a pair is not a candidate when
   * more than this share (in [0, 1]) of either concept's answers also assess the other. (In
   * ASSISTments 2009, 4,607 answers tag both skill-45 and skill-56, three quarters of each.)
   */
  maxSharedAnswers: number;
  /**
   * A suggested c REQUIRES q needs the order of mastery to agree: of the learners who mastered
   * both, at most this share (Wilson upper bound, in [0, 1]) mastered c first. A prerequisite is
   * learned first; two concepts that merely share a prerequisite are mastered in either order.
   */
  maxMasteredFirst: number;
}

export const AUDIT_CONSTANTS: AuditConstants = {
  masteryRun: 3,
  failAttempts: 4,
  neededRatio: 0.3,
  notNeededRatio: 0.5,
  minMasteryWithPrerequisite: 0.5,
  minLearners: 20,
  alpha: 0.01,
  maxDistance: 2,
  levelBands: 5,
  maxSharedAnswers: 0.2,
  maxMasteredFirst: 0.2,
};

export interface AuditConcept {
  id: string;
  topicId: string | null;
}

export interface AuditGraph {
  concepts: readonly AuditConcept[];
  edges: readonly Edge[];
}

/** Learners by what they showed on c (columns) and on p (rows). Only learners with evidence on both count. */
export interface PairTable {
  /** c mastered, p mastered. */
  bothMastered: number;
  /** c mastered, p shown not mastered: the learners who contradict "c requires p". */
  onlyConcept: number;
  /** c shown not mastered, p mastered. */
  onlyPrerequisite: number;
  /** neither. */
  neither: number;
}

export type EdgeVerdict = "SUPPORTED" | "CONTRADICTED" | "UNCLEAR" | "NOT_ENOUGH_EVIDENCE";

export interface EdgeEvidence {
  conceptId: string;
  prerequisiteId: string;
  verdict: EdgeVerdict;
  /** Learners with evidence on c and p (the cells of `table`): what a decision on the finding records. */
  learnersWithEvidence: number;
  table: PairTable;
  /** c's masters who never showed mastery of p, out of c's masters with evidence on p (Wilson 95%). */
  masteredWithoutPrerequisite: Proportion;
  /** c's masters with no evidence either way on p (not counted above). */
  mastersWithoutEvidenceOnPrerequisite: number;
  /**
   * The conditional comparison that decides the verdict, over learners who showed mastery of
   * every other prerequisite of c (`learnersConsidered`): P(c mastered | p mastered) and
   * P(c mastered | p not mastered), each with its Wilson 95% interval.
   */
  learnersConsidered: number;
  conditionalTable: PairTable;
  masteredGivenPrerequisite: Proportion;
  masteredGivenNoPrerequisite: Proportion;
  /** What decides: learners without p who mastered c, against what their level band predicts. */
  levelAdjusted: LevelAdjusted;
  /** One-sided Cochran-Mantel-Haenszel p-value over the level bands: c is mastered more often by learners who mastered p. */
  dependencePValue: number;
  firstAttempt: FirstAttemptEvidence;
}

/** First answers on c, split by whether p had been mastered before them. */
export interface FirstAttemptEvidence {
  withPrerequisite: Proportion;
  withoutPrerequisite: Proportion;
  /** One-sided Fisher exact p-value: first answers on c succeed more often with p mastered. */
  pValue: number;
}

export interface MissingEdge {
  conceptId: string;
  prerequisiteId: string;
  /** Learners with evidence on c and q, before any condition (what a decision on the finding records). */
  learnersWithEvidence: number;
  /** Of the learners who mastered both, those who mastered c first (Wilson 95%). */
  masteredConceptFirst: Proportion;
  /** Why the pair was considered: same topic, or its distance in the graph (null when only the topic). */
  sameTopic: boolean;
  distance: number | null;
  table: PairTable;
  /** Learners who showed mastery of every existing prerequisite of c and of q (the comparison is among them). */
  learnersConsidered: number;
  masteredWithoutPrerequisite: Proportion;
  /** P(c mastered | q mastered) and P(c mastered | q not mastered) among those learners: failing q predicts failing c when the second is far below the first. */
  masteredGivenPrerequisite: Proportion;
  masteredGivenNoPrerequisite: Proportion;
  levelAdjusted: LevelAdjusted;
  /** One-sided Cochran-Mantel-Haenszel p-value of that dependence, level band by level band. */
  pValue: number;
  /** pValue times the number of candidates tested (Bonferroni), capped at 1. */
  adjustedPValue: number;
}

export interface AuditReport {
  learners: number;
  constants: AuditConstants;
  edges: EdgeEvidence[];
  /** Ranked, strongest first; never an edge already implied by the graph or one that would close a cycle. */
  missing: MissingEdge[];
  candidatesTested: number;
  candidatesWithoutEnoughEvidence: number;
  /** Pairs left out because the same answers assess both (maxSharedAnswers). */
  candidatesSharingAnswers: number;
}

const EMPTY = new Uint8Array(0);

/**
 * When c's outcome was settled for learner i: the answer completing the mastery run, or the last
 * answer when c was not mastered; -1 when c has no evidence either way.
 */
function settledAt(c: ConceptColumn, i: number): number {
  const s = c.status[i];
  if (s === Status.MASTERED) return c.masteredAt[i] as number;
  if (s === Status.FAILED) return c.lastAt[i] as number;
  return -1;
}

/** A learner's level, leaving out concepts `a` and `b`: minus the mean answers to mastery; -Infinity with nothing else mastered. */
function level(table: EvidenceTable, i: number, a: ConceptColumn | null, b: ConceptColumn | null): number {
  let count = table.masteredCount[i] as number;
  let sum = table.toMasterySum[i] as number;
  for (const col of [a, b]) {
    if (col && col.status[i] === Status.MASTERED) {
      count--;
      sum -= col.toMastery[i] as number;
    }
  }
  return count > 0 ? -sum / count : -Infinity;
}

/** The cut points of the level bands (quantiles of the learners' level). */
function levelCuts(table: EvidenceTable, bands: number): number[] {
  const levels: number[] = [];
  for (let i = 0; i < table.learnerCount; i++) {
    const l = level(table, i, null, null);
    if (l > -Infinity) levels.push(l);
  }
  levels.sort((x, y) => x - y);
  const cuts: number[] = [];
  for (let b = 1; b < bands && levels.length > 0; b++) cuts.push(levels[Math.floor((b * levels.length) / bands)] as number);
  return cuts;
}

/**
 * Learners by c's outcome and by p: mastered before c's outcome was settled, or never mastered
 * (shown not mastered), one table per level band. A learner's level leaves c and p out, so the
 * band says nothing about the pair. Learners who mastered p only after c was settled, or with no
 * evidence on p, are not counted: they cannot tell whether p was known when c was learned.
 */
function pairTables(table: EvidenceTable, c: ConceptColumn, p: ConceptColumn, excluded: Uint8Array, cuts: readonly number[]): PairTable[] {
  const n = table.learnerCount;
  const bands: PairTable[] = Array.from({ length: cuts.length + 1 }, () => ({ bothMastered: 0, onlyConcept: 0, onlyPrerequisite: 0, neither: 0 }));
  for (let i = 0; i < n; i++) {
    if (excluded[i]) continue;
    const d = settledAt(c, i);
    if (d < 0) continue;
    const pm = p.masteredAt[i] as number;
    const before = pm >= 0 && pm < d;
    const ps = p.status[i];
    if (!before && ps !== Status.FAILED) continue;
    const cMastered = c.status[i] === Status.MASTERED;
    const l = level(table, i, c, p);
    let band = 0;
    while (band < cuts.length && l >= (cuts[band] as number)) band++;
    const t = bands[band] as PairTable;
    if (cMastered) {
      if (before) t.bothMastered++;
      else t.onlyConcept++;
    } else if (before) t.onlyPrerequisite++;
    else t.neither++;
  }
  return bands;
}

function pooledTable(bands: readonly PairTable[]): PairTable {
  const t: PairTable = { bothMastered: 0, onlyConcept: 0, onlyPrerequisite: 0, neither: 0 };
  for (const b of bands) {
    t.bothMastered += b.bothMastered;
    t.onlyConcept += b.onlyConcept;
    t.onlyPrerequisite += b.onlyPrerequisite;
    t.neither += b.neither;
  }
  return t;
}

/**
 * Learners without p who mastered c (observed), against how many would have if they mastered c
 * as often as learners with p of their own level band (expected: indirect standardisation, as a
 * standardised mortality ratio). Bands with no learner with p are left out.
 */
export interface LevelAdjusted {
  /** Learners without p (in bands that also have learners with p). */
  total: number;
  observed: Proportion;
  expected: number;
  /** observed / expected, in [0, inf): near 0 when p is needed, near 1 when it is not; null when expected is 0. */
  relativeRate: number | null;
}

function levelAdjusted(bands: readonly PairTable[]): LevelAdjusted {
  let observed = 0, total = 0, expected = 0;
  for (const b of bands) {
    const withP = prerequisiteMastered(b);
    if (withP === 0) continue;
    const without = prerequisiteFailed(b);
    observed += b.onlyConcept;
    total += without;
    expected += (without * b.bothMastered) / withP;
  }
  return { total, observed: wilson(observed, total), expected, relativeRate: expected > 0 ? observed / expected : null };
}

const totalOf = (t: PairTable) => t.bothMastered + t.onlyConcept + t.onlyPrerequisite + t.neither;
const mastersOf = (t: PairTable) => t.bothMastered + t.onlyConcept;
const prerequisiteMastered = (t: PairTable) => t.bothMastered + t.onlyPrerequisite;
const prerequisiteFailed = (t: PairTable) => t.onlyConcept + t.neither;

function enough(t: PairTable, adj: LevelAdjusted, k: AuditConstants): boolean {
  return mastersOf(t) >= k.minLearners && prerequisiteMastered(t) >= k.minLearners && adj.total >= k.minLearners;
}

/** One-sided Cochran-Mantel-Haenszel over the level bands: c is mastered more often with p, level for level. */
const dependence = (bands: readonly PairTable[]) =>
  mantelHaenszelGreater(bands.map((t) => ({ a: t.bothMastered, b: t.onlyPrerequisite, c: t.onlyConcept, d: t.neither })));

function firstAttempt(c: ConceptColumn, p: ConceptColumn, n: number): FirstAttemptEvidence {
  let withOk = 0, withN = 0, withoutOk = 0, withoutN = 0;
  for (let i = 0; i < n; i++) {
    const first = c.firstAt[i] as number;
    if (first < 0) continue;
    const m = p.masteredAt[i] as number;
    const ok = c.firstCorrect[i] as number;
    if (m >= 0 && m < first) {
      withN++;
      withOk += ok;
    } else {
      withoutN++;
      withoutOk += ok;
    }
  }
  return {
    withPrerequisite: wilson(withOk, withN),
    withoutPrerequisite: wilson(withoutOk, withoutN),
    pValue: fisherGreater(withOk, withN - withOk, withoutOk, withoutN - withoutOk),
  };
}

/**
 * Learners who had not shown mastery of every one of `prerequisiteIds` by the time c was settled
 * (1 = left out). Not showing it includes never answering: a learner who skipped a prerequisite
 * may well not know it.
 */
function notMasteredAll(table: EvidenceTable, c: ConceptColumn, prerequisiteIds: readonly string[]): Uint8Array {
  const n = table.learnerCount;
  const out = new Uint8Array(n);
  for (const p of prerequisiteIds) {
    const col = table.columns.get(p);
    for (let i = 0; i < n; i++) {
      const m = col ? (col.masteredAt[i] as number) : -1;
      if (m < 0 || m >= settledAt(c, i)) out[i] = 1;
    }
  }
  return out;
}

const masteredGiven = (t: PairTable) => wilson(t.bothMastered, prerequisiteMastered(t));
const masteredGivenNot = (t: PairTable) => wilson(t.onlyConcept, prerequisiteFailed(t));

/** Learners without p master c far less often than their level predicts, with confidence: p is needed. */
function needed(adj: LevelAdjusted, k: AuditConstants): boolean {
  return adj.total > 0 && adj.observed.high * adj.total < k.neededRatio * adj.expected;
}

/** Learners without p master c about as often as their level predicts, with confidence: p is not needed. */
function notNeeded(adj: LevelAdjusted, k: AuditConstants): boolean {
  return adj.total > 0 && adj.observed.low * adj.total > k.notNeededRatio * adj.expected;
}

function emptyColumn(n: number): ConceptColumn {
  return { status: new Uint8Array(n), masteredAt: new Int32Array(n).fill(-1), firstAt: new Int32Array(n).fill(-1), firstCorrect: new Uint8Array(n), lastAt: new Int32Array(n).fill(-1), toMastery: new Int32Array(n) };
}

/**
 * The support of one existing edge c REQUIRES p. `otherPrerequisiteIds` are c's other direct
 * prerequisites in the graph: learners who failed one of them are left out of the comparison,
 * since their failures on c are explained already (a conditional-independence test given them).
 */
export function edgeEvidence(
  table: EvidenceTable,
  edge: { conceptId: string; prerequisiteId: string; otherPrerequisiteIds: readonly string[] },
  k: AuditConstants = AUDIT_CONSTANTS,
): EdgeEvidence {
  const n = table.learnerCount;
  const c = table.columns.get(edge.conceptId) ?? emptyColumn(n);
  const p = table.columns.get(edge.prerequisiteId) ?? emptyColumn(n);
  const cuts = levelCuts(table, k.levelBands);
  const all = pooledTable(pairTables(table, c, p, EMPTY, []));
  const excluded = notMasteredAll(table, c, edge.otherPrerequisiteIds);
  let considered = 0;
  for (let i = 0; i < n; i++) if (!excluded[i]) considered++;
  const bands = pairTables(table, c, p, excluded, cuts);
  const t = pooledTable(bands);
  const adj = levelAdjusted(bands);
  let mastersWithoutEvidence = 0;
  for (let i = 0; i < n; i++) if (c.status[i] === Status.MASTERED && p.status[i] === Status.UNKNOWN) mastersWithoutEvidence++;
  const pValue = dependence(bands);
  let verdict: EdgeVerdict;
  if (!enough(t, adj, k)) verdict = "NOT_ENOUGH_EVIDENCE";
  else if (notNeeded(adj, k) && (masteredGiven(t).rate ?? 0) >= k.minMasteryWithPrerequisite) verdict = "CONTRADICTED";
  else if (needed(adj, k) && pValue <= k.alpha) verdict = "SUPPORTED";
  else verdict = "UNCLEAR";
  return {
    conceptId: edge.conceptId,
    prerequisiteId: edge.prerequisiteId,
    verdict,
    learnersWithEvidence: totalOf(all),
    table: all,
    masteredWithoutPrerequisite: wilson(all.onlyConcept, mastersOf(all)),
    mastersWithoutEvidenceOnPrerequisite: mastersWithoutEvidence,
    learnersConsidered: considered,
    conditionalTable: t,
    masteredGivenPrerequisite: masteredGiven(t),
    masteredGivenNoPrerequisite: masteredGivenNot(t),
    levelAdjusted: adj,
    dependencePValue: pValue,
    firstAttempt: firstAttempt(c, p, n),
  };
}

/** Of the learners who mastered both c and q, those who mastered c first. */
function masteredFirst(c: ConceptColumn, q: ConceptColumn, n: number): Proportion {
  let both = 0, cFirst = 0;
  for (let i = 0; i < n; i++) {
    const mc = c.masteredAt[i] as number;
    const mq = q.masteredAt[i] as number;
    if (mc < 0 || mq < 0) continue;
    both++;
    if (mc < mq) cFirst++;
  }
  return wilson(cFirst, both);
}

/** Every concept reachable from `start` along `adj` (start excluded). */
function reachable(adj: Map<string, string[]>, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop() as string;
    for (const next of adj.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  seen.delete(start);
  return seen;
}

/** Concepts within `max` edges of `start`, ignoring direction, with their distance. */
function near(undirected: Map<string, string[]>, start: string, max: number): Map<string, number> {
  const dist = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= max && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const m of undirected.get(node) ?? []) {
        if (dist.has(m)) continue;
        dist.set(m, d);
        next.push(m);
      }
    }
    frontier = next;
  }
  dist.delete(start);
  return dist;
}

/**
 * The audit: every edge's evidence, and the missing edges the evidence suggests. A graph without
 * edges and topics (historic data) makes every ordered pair plausible.
 */
export function auditPrerequisites(graph: AuditGraph, table: EvidenceTable, k: AuditConstants = AUDIT_CONSTANTS): AuditReport {
  const n = table.learnerCount;
  const up = adjacency(graph.edges);
  const edges = graph.edges.map((e) =>
    edgeEvidence(table, { ...e, otherPrerequisiteIds: (up.get(e.conceptId) ?? []).filter((p) => p !== e.prerequisiteId) }, k),
  );

  const first = candidates(graph, table, k, []);
  // Second round: the first round's suggestions join the prerequisites learners must have mastered
  // to be compared, so that a concept whose own prerequisite is missing from the graph does not
  // look like a prerequisite of everything that needs that missing one.
  const second = first.missing.length > 0 ? candidates(graph, table, k, first.missing) : first;
  return { learners: n, constants: k, edges, missing: second.missing, candidatesTested: second.tested, candidatesWithoutEnoughEvidence: second.thin, candidatesSharingAnswers: second.sharing };
}

/** The ranked missing-edge suggestions, stratifying on the graph's edges plus `extra`. */
function candidates(graph: AuditGraph, table: EvidenceTable, k: AuditConstants, extra: readonly Edge[]): { missing: MissingEdge[]; tested: number; thin: number; sharing: number } {
  const n = table.learnerCount;
  const up = adjacency(graph.edges);
  const strata = adjacency([...graph.edges, ...extra.map((e) => ({ conceptId: e.conceptId, prerequisiteId: e.prerequisiteId }))]);
  const down = adjacency(graph.edges, true);
  const undirected = new Map<string, string[]>();
  for (const e of graph.edges) {
    undirected.set(e.conceptId, [...(undirected.get(e.conceptId) ?? []), e.prerequisiteId]);
    undirected.set(e.prerequisiteId, [...(undirected.get(e.prerequisiteId) ?? []), e.conceptId]);
  }
  const topicOf = new Map(graph.concepts.map((c) => [c.id, c.topicId]));
  const byTopic = new Map<string, string[]>();
  for (const c of graph.concepts) if (c.topicId !== null) byTopic.set(c.topicId, [...(byTopic.get(c.topicId) ?? []), c.id]);
  const structureless = graph.edges.length === 0 && byTopic.size === 0;
  const ids = graph.concepts.map((c) => c.id).filter((id) => table.columns.has(id));

  const raw: Array<Omit<MissingEdge, "adjustedPValue">> = [];
  const cuts = levelCuts(table, k.levelBands);
  let tested = 0;
  let thin = 0;
  let sharing = 0;
  for (const c of ids) {
    const col = table.columns.get(c) as ConceptColumn;
    // Only learners who mastered c's existing prerequisites: their failures on c are not explained
    // by those. (And, per candidate q, q's prerequisites, so that a sibling sharing a prerequisite
    // with c does not look like a prerequisite of c.)
    const strataOfC = strata.get(c) ?? [];
    const excludedForC = notMasteredAll(table, col, strataOfC);
    const ancestors = reachable(up, c);
    const descendants = reachable(down, c);
    const close = near(undirected, c, k.maxDistance);
    const topic = topicOf.get(c) ?? null;
    const candidates = structureless ? ids : [...new Set([...close.keys(), ...(topic !== null ? (byTopic.get(topic) ?? []) : [])])];
    for (const q of candidates) {
      if (q === c || ancestors.has(q) || descendants.has(q)) continue;
      const qc = table.columns.get(q);
      if (!qc) continue;
      const shared = table.sharedAnswers.get(pairKey(c, q)) ?? 0;
      if (shared > k.maxSharedAnswers * Math.min(table.answersOf.get(c) ?? 0, table.answersOf.get(q) ?? 0)) {
        sharing++;
        continue;
      }
      const excluded = notMasteredAll(table, col, strata.get(q) ?? []);
      const forC = strataOfC.includes(q) ? notMasteredAll(table, col, strataOfC.filter((p) => p !== q)) : excludedForC;
      let considered = 0;
      for (let i = 0; i < n; i++) {
        excluded[i] = excluded[i] || (forC[i] as number);
        if (!excluded[i]) considered++;
      }
      const bands = pairTables(table, col, qc, excluded, cuts);
      const t = pooledTable(bands);
      const adj = levelAdjusted(bands);
      if (!enough(t, adj, k)) {
        thin++;
        continue;
      }
      tested++;
      if (!needed(adj, k)) continue;
      const first = masteredFirst(col, qc, n);
      if (first.high > k.maxMasteredFirst) continue;
      raw.push({
        conceptId: c,
        prerequisiteId: q,
        learnersWithEvidence: totalOf(pooledTable(pairTables(table, col, qc, EMPTY, []))),
        masteredConceptFirst: first,
        sameTopic: topic !== null && topicOf.get(q) === topic,
        distance: close.get(q) ?? null,
        table: t,
        learnersConsidered: considered,
        masteredWithoutPrerequisite: wilson(t.onlyConcept, mastersOf(t)),
        masteredGivenPrerequisite: masteredGiven(t),
        masteredGivenNoPrerequisite: masteredGivenNot(t),
        levelAdjusted: adj,
        pValue: dependence(bands),
      });
    }
  }
  const significant = raw
    .map((r) => ({ ...r, adjustedPValue: Math.min(1, r.pValue * Math.max(1, tested)) }))
    .filter((r) => r.adjustedPValue <= k.alpha);
  // Both directions passing means the data cannot orient the pair: keep the one fewer masters contradict.
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  const byPair = new Map(significant.map((r) => [key(r.conceptId, r.prerequisiteId), r]));
  const oriented = significant.filter((r) => {
    const back = byPair.get(key(r.prerequisiteId, r.conceptId));
    if (!back) return true;
    const mine = r.levelAdjusted.relativeRate ?? 1;
    const theirs = back.levelAdjusted.relativeRate ?? 1;
    return mine < theirs || (mine === theirs && r.conceptId < r.prerequisiteId);
  });
  oriented.sort((a, b) => a.pValue - b.pValue || mastersOf(b.table) - mastersOf(a.table) || a.conceptId.localeCompare(b.conceptId) || a.prerequisiteId.localeCompare(b.prerequisiteId));

  // Strongest first, keep a suggestion only if it keeps graph + kept suggestions acyclic; then drop
  // the ones implied by a longer path through the others (weakest first), so "c requires q" is not
  // suggested beside "c requires x" when x already requires q.
  const all: Edge[] = [...graph.edges];
  const kept: MissingEdge[] = [];
  for (const s of oriented) {
    if (findPath(adjacency(all), s.prerequisiteId, s.conceptId)) continue;
    all.push({ conceptId: s.conceptId, prerequisiteId: s.prerequisiteId });
    kept.push(s);
  }
  const missing = [...kept];
  for (let i = kept.length - 1; i >= 0; i--) {
    const s = kept[i] as MissingEdge;
    const others = [...graph.edges, ...missing.filter((m) => m !== s).map((m) => ({ conceptId: m.conceptId, prerequisiteId: m.prerequisiteId }))];
    const adj = adjacency(others);
    if (findPath(adj, s.conceptId, s.prerequisiteId)) missing.splice(missing.indexOf(s), 1);
  }
  return { missing, tested, thin, sharing };
}

/** Learners with evidence on both c and p (the unconditioned pair table), for decisions on findings. */
export function pairLearners(table: EvidenceTable, conceptId: string, prerequisiteId: string): number {
  const c = table.columns.get(conceptId);
  const p = table.columns.get(prerequisiteId);
  return c && p ? totalOf(pooledTable(pairTables(table, c, p, EMPTY, []))) : 0;
}

/**
 * A dismissed or accepted finding is not reported again unless the evidence moved: at least half
 * as many learners again, and at least `minLearners` more, have evidence on the pair than when it
 * was decided.
 */
export function evidenceMoved(learnersAtDecision: number, learnersNow: number, k: AuditConstants = AUDIT_CONSTANTS): boolean {
  return learnersNow >= 1.5 * learnersAtDecision && learnersNow - learnersAtDecision >= k.minLearners;
}
