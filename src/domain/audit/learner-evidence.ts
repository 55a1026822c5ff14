/**
 * What one learner's answers show about each concept, without any fitted model: mastery shown
 * (a run of `masteryRun` correct answers in a row, the ASSISTments skill-builder criterion),
 * non-mastery shown (at least `failAttempts` answers, no such run, and the last one wrong: a
 * learner whose last answers were right may have learned it at the end), or nothing either way.
 * The table holds one column per concept and one row per learner, in typed arrays, so the audit
 * can count 2 x 2 tables over thousands of learners and concept pairs quickly.
 */

/** One answer: the concepts it assesses, whether it was right, in the learner's time order. */
export interface AuditAnswer {
  conceptIds: readonly string[];
  /** true when the score was at least 0.5. */
  correct: boolean;
}

export const Status = { UNKNOWN: 0, MASTERED: 1, FAILED: 2 } as const;
export type StatusCode = (typeof Status)[keyof typeof Status];

export interface EvidenceRules {
  /** Consecutive correct answers on a concept that show mastery of it. */
  masteryRun: number;
  /** Answers on a concept without such a run (the last one wrong) that show it is not mastered. */
  failAttempts: number;
}

/** Per concept, per learner (row = learner index): status, when mastery was shown, the first answer. */
export interface ConceptColumn {
  status: Uint8Array;
  /** Position, in the learner's answer sequence, of the answer completing the mastery run; -1 if none. */
  masteredAt: Int32Array;
  /** Position of the learner's first answer on the concept; -1 if none. */
  firstAt: Int32Array;
  /** 1 when that first answer was correct. */
  firstCorrect: Uint8Array;
  /** Position of the learner's last answer on the concept; -1 if none. */
  lastAt: Int32Array;
  /** Answers on the concept up to and including the one completing the mastery run; 0 if not mastered. */
  toMastery: Int32Array;
}

export interface EvidenceTable {
  learnerCount: number;
  columns: Map<string, ConceptColumn>;
  /**
   * Per learner: concepts mastered, and the answers they took to master them (summed): how quickly
   * a learner masters what they master is their level, which prerequisites do not block.
   */
  masteredCount: Int32Array;
  toMasterySum: Int32Array;
  /** Answers per concept, and answers assessing both of two concepts (key: the two ids joined by a tab, in sorted order). */
  answersOf: Map<string, number>;
  sharedAnswers: Map<string, number>;
}

/** The key of a concept pair in `sharedAnswers`. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}\t${b}` : `${b}\t${a}`);

interface Cell {
  attempts: number;
  run: number;
  lastCorrect: boolean;
  masteredAt: number;
  toMastery: number;
  firstAt: number;
  firstCorrect: boolean;
  lastAt: number;
}

/**
 * Collects learners one at a time (the CLI reads them page by page) and builds the table.
 * Concepts first seen late get default rows (UNKNOWN, no answers) for the earlier learners.
 */
export class EvidenceBuilder {
  private readonly rows: Array<Map<string, Cell>> = [];
  private readonly concepts = new Set<string>();
  private readonly answersOf = new Map<string, number>();
  private readonly sharedAnswers = new Map<string, number>();

  constructor(private readonly rules: EvidenceRules, conceptIds: Iterable<string> = []) {
    for (const id of conceptIds) this.concepts.add(id);
  }

  /** Adds one learner's answers, in time order. */
  addLearner(answers: Iterable<AuditAnswer>): void {
    const cells = new Map<string, Cell>();
    let position = 0;
    for (const answer of answers) {
      const ids = answer.conceptIds;
      for (let x = 0; x < ids.length; x++) {
        this.answersOf.set(ids[x] as string, (this.answersOf.get(ids[x] as string) ?? 0) + 1);
        for (let y = x + 1; y < ids.length; y++) {
          const key = pairKey(ids[x] as string, ids[y] as string);
          this.sharedAnswers.set(key, (this.sharedAnswers.get(key) ?? 0) + 1);
        }
      }
      for (const conceptId of answer.conceptIds) {
        let cell = cells.get(conceptId);
        if (!cell) {
          cell = { attempts: 0, run: 0, lastCorrect: false, masteredAt: -1, toMastery: 0, firstAt: position, firstCorrect: answer.correct, lastAt: position };
          cells.set(conceptId, cell);
          this.concepts.add(conceptId);
        }
        cell.attempts++;
        cell.run = answer.correct ? cell.run + 1 : 0;
        cell.lastCorrect = answer.correct;
        cell.lastAt = position;
        if (cell.masteredAt < 0 && cell.run >= this.rules.masteryRun) {
          cell.masteredAt = position;
          cell.toMastery = cell.attempts;
        }
      }
      position++;
    }
    this.rows.push(cells);
  }

  get learnerCount(): number {
    return this.rows.length;
  }

  build(): EvidenceTable {
    const n = this.rows.length;
    const columns = new Map<string, ConceptColumn>();
    for (const id of this.concepts) {
      const col: ConceptColumn = { status: new Uint8Array(n), masteredAt: new Int32Array(n).fill(-1), firstAt: new Int32Array(n).fill(-1), firstCorrect: new Uint8Array(n), lastAt: new Int32Array(n).fill(-1), toMastery: new Int32Array(n) };
      columns.set(id, col);
    }
    const masteredCount = new Int32Array(n);
    const toMasterySum = new Int32Array(n);
    this.rows.forEach((cells, i) => {
      for (const [id, cell] of cells) {
        const col = columns.get(id) as ConceptColumn;
        col.masteredAt[i] = cell.masteredAt;
        col.firstAt[i] = cell.firstAt;
        col.firstCorrect[i] = cell.firstCorrect ? 1 : 0;
        col.lastAt[i] = cell.lastAt;
        col.toMastery[i] = cell.toMastery;
        col.status[i] = cell.masteredAt >= 0 ? Status.MASTERED : cell.attempts >= this.rules.failAttempts && !cell.lastCorrect ? Status.FAILED : Status.UNKNOWN;
        if (col.status[i] === Status.MASTERED) masteredCount[i] = (masteredCount[i] as number) + 1;
        toMasterySum[i] = (toMasterySum[i] as number) + cell.toMastery;
      }
    });
    return { learnerCount: n, columns, masteredCount, toMasterySum, answersOf: this.answersOf, sharedAnswers: this.sharedAnswers };
  }
}
