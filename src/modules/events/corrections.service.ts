import { randomUUID } from "node:crypto";
import { effectiveMastery } from "../../domain/mastery/model.js";
import type { PrerequisiteLookup } from "../../domain/mastery/implied.js";
import { applyEvent, replayTimeline, type MasteryChangeRecord, type ResolvedEvent } from "../../domain/mastery/learner-replay.js";
import { ConflictError, NotFoundError } from "../../errors/errors.js";
import type { Logger } from "../../logger.js";
import { detailJson } from "../mastery/mastery-change.js";
import type { ModelStore } from "../mastery/model-store.js";
import type { AppliedChange } from "./events.service.js";
import type { CorrectionRecord, EventsRepository, WriteRows } from "./events.repository.js";

export type { CorrectionRecord };

/** Who is correcting: the token's subject and the role it acts in (TEACHER or ADMIN). */
export interface Corrector {
  sub: string;
  role: "TEACHER" | "ADMIN";
}

/**
 * Teachers' corrections of mastery. A correction sets one learner's mastery of one concept to `p`
 * from its time on (model: `setMastery`); it is a CORRECTION entry of the learner's timeline, so
 * later evidence updates from `p` and a late event replays around it. Reverting marks it reverted
 * (kept as the audit record) and replays the learner's whole timeline without it. Both run in
 * the ingestion's kind of transaction (learner locked, one write of mastery, history and
 * sequence), and their changes are published like evidence (masteryChanged).
 */
export class CorrectionsService {
  constructor(
    private readonly repo: EventsRepository,
    private readonly models: ModelStore,
    private readonly onApplied: (changes: AppliedChange[]) => void = () => {},
    private readonly logger: Logger | null = null,
    /** Prerequisites for implied evidence when a revert replays the timeline (null: the rule is off). */
    private readonly prerequisites: () => Promise<PrerequisiteLookup | null> = () => Promise.resolve(null),
  ) {}

  /**
   * @param p corrected mastery in [0, 1]
   * @param note the teacher's reason
   * @throws NotFoundError when the concept does not exist
   */
  async correct(learnerId: string, conceptId: string, p: number, note: string, by: Corrector, now = Date.now()): Promise<CorrectionRecord> {
    const { params } = await this.models.current();
    const id = `corr-${randomUUID()}`;
    const changes = await this.repo.write(async (w) => {
      const prepared = await w.prepare({ learners: [{ id: learnerId, conceptIds: [conceptId] }], eventIds: [], conceptIds: [conceptId] });
      if (!prepared.concepts.has(conceptId)) throw new NotFoundError("Concept", conceptId);
      const locked = prepared.learners[0];
      if (!locked) throw new Error("the learner was not locked");
      // The newest entry of the timeline: a correction never lands before what was already applied.
      const at = Math.max(now, locked.lastEventAt ?? 0, locked.lastCorrectionAt ?? 0);
      const entry: ResolvedEvent = {
        eventId: id, kind: "CORRECTION", learnerId, itemId: null, conceptIds: [conceptId], concepts: [conceptId], score: null, occurredAt: at,
        durationMs: null, hintsUsed: null, attemptNumber: null, source: null, watchFraction: null,
        correction: { p, by: by.sub, byRole: by.role, note },
      };
      const { state, changes: [change] } = applyEvent(params, locked.state, entry, "CORRECTION");
      if (!change) throw new Error("a correction made no change record");
      const seq = locked.seq + 1;
      await w.createCorrection({ id, learnerId, conceptId, p, before: change.before, after: change.after, note, by: by.sub, byRole: by.role, at, seq });
      const cs = state.concepts[conceptId];
      const edge = locked.edges.get(conceptId) ?? null;
      const rows: WriteRows = {
        events: [],
        mastery: cs ? [{ learnerId, conceptId, edge, absent: edge === null, p: cs.mastery, attempts: cs.attempts, recent: cs.recent, lastPracticedAt: cs.lastPracticedAt, lastPracticedIndex: cs.lastPracticedIndex, impliedBy: cs.impliedBy ?? null }] : [],
        changes: [changeRow(learnerId, seq, change)],
        learners: [{ id: learnerId, seq, lastEventAt: null, ability: state.ability, attempts: state.attempts, events: state.events }],
      };
      await w.write(rows);
      return [{ ...change, learnerId, seq, recordedAt: 0 }];
    });
    this.publish(changes);
    const stored = await this.repo.correction(id);
    if (!stored) throw new Error(`correction ${id} was not stored`);
    return stored;
  }

  /**
   * Undoes a correction: marked reverted (who, when, why), and the learner's timeline replayed
   * without it. Every concept the replay moves gets a history entry (CORRECTION_REVERTED for the
   * corrected concept, REPLAY for others a multi-concept answer linked to it).
   *
   * @param authorise called with the correction before anything is written (throws to refuse)
   */
  async revert(id: string, note: string | null, by: Corrector, authorise: (c: CorrectionRecord) => Promise<void>, now = Date.now()): Promise<CorrectionRecord> {
    const found = await this.repo.correction(id);
    if (!found) throw new NotFoundError("Correction", id);
    await authorise(found);
    const [{ params }, prerequisites] = await Promise.all([this.models.current(), this.prerequisites()]);
    const changes = await this.repo.write(async (w) => {
      const prepared = await w.prepare({ learners: [{ id: found.learnerId, conceptIds: [] }], eventIds: [], conceptIds: [] });
      const locked = prepared.learners[0];
      if (!locked) throw new Error("the learner was not locked");
      if (!(await w.revertCorrection({ id, at: now, by: by.sub, byRole: by.role, note }))) throw new ConflictError(`Correction '${id}' was already reverted.`);
      const [timeline, stored] = await Promise.all([w.learnerEvents(found.learnerId), w.learnerState(found.learnerId)]);
      const state = replayTimeline(params, timeline, prerequisites);
      let seq = locked.seq;
      const rows: WriteRows = { events: [], mastery: [], changes: [], learners: [] };
      const out: AppliedChange[] = [];
      const on = new Date(now).toISOString().slice(0, 10);
      const gone: string[] = [];
      const conceptIds = [...new Set([...Object.keys(stored?.concepts ?? {}), ...Object.keys(state.concepts)])].sort();
      for (const conceptId of conceptIds) {
        const before = stored?.concepts[conceptId]?.mastery;
        if (before === undefined) continue;
        const cs = state.concepts[conceptId];
        // Practised only through the correction: without it the concept is unpractised again (its edge goes, the prior applies).
        const after = cs ? cs.mastery : effectiveMastery(params, state, conceptId, now).mastery;
        if (cs) rows.mastery.push({ learnerId: found.learnerId, conceptId, edge: null, absent: false, p: cs.mastery, attempts: cs.attempts, recent: cs.recent, lastPracticedAt: cs.lastPracticedAt, lastPracticedIndex: cs.lastPracticedIndex, impliedBy: cs.impliedBy ?? null });
        else gone.push(conceptId);
        if (Math.abs(before - after) <= 1e-12 && conceptId !== found.conceptId) continue;
        seq += 1;
        const change: MasteryChangeRecord = {
          eventId: id, conceptId, at: now, before, after, attempts: cs?.attempts ?? 0,
          reason: conceptId === found.conceptId ? "CORRECTION_REVERTED" : "REPLAY",
          detail: { score: null, predicted: null, evidenceRatio: null, retention: null, watchFraction: null, by: by.sub, byRole: by.role, on, ...(note ? { note } : {}) },
        };
        rows.changes.push(changeRow(found.learnerId, seq, change));
        out.push({ ...change, learnerId: found.learnerId, seq, recordedAt: 0 });
      }
      if (gone.length > 0) await w.removeMastery(found.learnerId, gone);
      rows.learners.push({ id: found.learnerId, seq, lastEventAt: null, ability: state.ability, attempts: state.attempts, events: state.events });
      await w.write(rows);
      return out;
    });
    this.publish(changes);
    return (await this.repo.correction(id)) ?? found;
  }

  /** The corrections of these learners, newest first. */
  list(learnerIds: readonly string[], limit: number): Promise<CorrectionRecord[]> {
    return this.repo.corrections(learnerIds, limit);
  }

  /** Every correction, oldest first (offline export: `frontier kt corrections`). */
  async *all(page = 5000): AsyncGenerator<CorrectionRecord> {
    let cursor = { at: -1, id: "" };
    for (;;) {
      const rows = await this.repo.allCorrections(cursor, page);
      yield* rows;
      const last = rows.at(-1);
      if (!last || rows.length < page) return;
      cursor = { at: last.at, id: last.id };
    }
  }

  get(id: string): Promise<CorrectionRecord | null> {
    return this.repo.correction(id);
  }

  private publish(changes: AppliedChange[]): void {
    const at = Date.now();
    for (const c of changes) c.recordedAt = at;
    try {
      this.onApplied(changes);
    } catch (err) {
      this.logger?.error({ err }, "publishing correction changes failed after the commit");
    }
  }
}

function changeRow(learnerId: string, seq: number, c: MasteryChangeRecord): WriteRows["changes"][number] {
  return { learnerId, conceptId: c.conceptId, seq, eventId: c.eventId, at: c.at, before: c.before, after: c.after, attempts: c.attempts, reason: c.reason, explanation: detailJson(c.detail) };
}
