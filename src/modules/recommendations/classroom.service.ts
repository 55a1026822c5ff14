import { NotFoundError } from "../../errors/errors.js";
import type { Concept } from "../curriculum/concept.type.js";
import type { CurriculumService } from "../curriculum/curriculum.service.js";
import { effectiveMastery, type LearnerState, type ModelParams } from "../../domain/mastery/model.js";
import { masteryTrend, readiness } from "../../domain/recommendations/practice.js";
import type { ClassroomRepository } from "./classroom.repository.js";
import type { ModelStore } from "../mastery/model-store.js";
import { THRESHOLDS } from "../../domain/mastery/thresholds.js";
import type { AtRiskLearner, Bottleneck, ClassFrontierConcept, Heatmap } from "./classroom.type.js";

/** Mean mastery below this, or forgetting faster than `FALLING`, puts a learner at risk. */
export const AT_RISK = { lowMean: 0.4, falling: -0.1 };

interface ClassData {
  learners: Array<{ id: string; state: LearnerState }>;
  params: ModelParams;
  now: number;
}

/** Class-level views for teachers: frontier, bottlenecks, learners at risk, and a mastery heatmap. */
export class ClassroomService {
  constructor(
    private readonly repo: ClassroomRepository,
    private readonly models: ModelStore,
    private readonly curriculum: CurriculumService,
  ) {}

  /** Loads in flight by class: a dashboard asks for heatmap, at-risk, frontier and bottlenecks at once, and they share one read. */
  private readonly inFlight = new Map<string, Promise<ClassData>>();

  /** The class's learners and their model state (one read; the curriculum comes from the process's graph copy). */
  private load(classId: string): Promise<ClassData> {
    const held = this.inFlight.get(classId);
    if (held) return held;
    const loading = (async () => {
      const [row, { params }] = await Promise.all([this.repo.classData(classId), this.models.current()]);
      if (!row) throw new NotFoundError("Class", classId);
      return { learners: row.learners, params, now: Date.now() };
    })();
    this.inFlight.set(classId, loading);
    const done = () => {
      if (this.inFlight.get(classId) === loading) this.inFlight.delete(classId);
    };
    loading.then(done, done);
    return loading;
  }

  private masteryFn(d: ClassData, state: LearnerState) {
    const cache = new Map<string, number>();
    return (id: string) => {
      let m = cache.get(id);
      if (m === undefined) {
        m = effectiveMastery(d.params, state, id, d.now).mastery;
        cache.set(id, m);
      }
      return m;
    };
  }

  private async concepts(ids: string[]): Promise<Map<string, Concept>> {
    return new Map((await this.curriculum.concepts(ids)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  }

  /** Concepts on the frontier (ready, not mastered) of the most learners. */
  async frontier(classId: string, limit: number, within: string[] | null): Promise<ClassFrontierConcept[]> {
    const [d, graph] = await Promise.all([this.load(classId), this.curriculum.graph()]);
    const only = within ? new Set(within) : null;
    const candidates = only ? [...only].flatMap((id) => graph.concept(id) ?? []) : [...graph.all()];
    const ready = new Map<string, number>();
    for (const l of d.learners) {
      const m = this.masteryFn(d, l.state);
      for (const c of candidates) {
        if (m(c.id) >= THRESHOLDS.mastered) continue;
        const ps = c.prerequisites.map((p) => ({ weight: p.weight, mastery: m(p.id) }));
        if (readiness(ps) >= THRESHOLDS.ready) ready.set(c.id, (ready.get(c.id) ?? 0) + 1);
      }
    }
    const top = [...ready].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
    const byId = await this.concepts(top.map(([id]) => id));
    return top.flatMap(([id, n]) => (byId.has(id) ? [{ concept: byId.get(id) as Concept, readyLearners: n, learners: d.learners.length }] : []));
  }

  /** Prerequisites that the most learners have not mastered, weighted by how many concepts need them. */
  async bottlenecks(classId: string, limit: number, within: string[] | null): Promise<Bottleneck[]> {
    const [d, graph] = await Promise.all([this.load(classId), this.curriculum.graph()]);
    const only = within ? new Set(within) : null;
    // Concepts that others require directly, with how many require them.
    const required = (only ? [...only] : [...graph.all()].map((c) => c.id)).flatMap((id) => {
      const n = graph.dependents(id).length;
      return n > 0 ? [[id, n] as const] : [];
    });
    const dependents = new Map(required);
    const blocked = new Map<string, number>();
    for (const l of d.learners) {
      const m = this.masteryFn(d, l.state);
      for (const [id] of required) if (m(id) < THRESHOLDS.mastered) blocked.set(id, (blocked.get(id) ?? 0) + 1);
    }
    const top = [...blocked]
      .map(([id, n]) => ({ id, n, deps: dependents.get(id) ?? 0 }))
      .sort((a, b) => b.n * b.deps - a.n * a.deps || a.id.localeCompare(b.id))
      .slice(0, limit);
    const byId = await this.concepts(top.map((t) => t.id));
    return top.flatMap((t) => {
      const concept = byId.get(t.id);
      if (!concept) return [];
      return [{ concept, blockedLearners: t.n, dependents: t.deps, explanation: `${t.n} of ${d.learners.length} learners have not mastered ${concept.name}, which ${t.deps} concept${t.deps === 1 ? "" : "s"} need${t.deps === 1 ? "s" : ""}.` }];
    });
  }

  /** Learners whose mean mastery is low, or falling through forgetting. */
  async atRisk(classId: string): Promise<AtRiskLearner[]> {
    const d = await this.load(classId);
    return d.learners.flatMap((l) => {
      const practised = Object.entries(l.state.concepts);
      if (practised.length === 0) return [];
      const now = practised.map(([id]) => effectiveMastery(d.params, l.state, id, d.now).mastery);
      const mean = now.reduce((a, b) => a + b, 0) / now.length;
      const trend = masteryTrend(practised.map(([, c], i) => ({ now: now[i] ?? 0, stored: c.mastery })));
      const reasons = [
        ...(mean < AT_RISK.lowMean ? [`mean mastery ${mean.toFixed(2)} is below ${AT_RISK.lowMean}`] : []),
        ...(trend < AT_RISK.falling ? [`forgetting has lowered mastery by ${(-trend).toFixed(2)} on average`] : []),
      ];
      return reasons.length > 0 ? [{ learnerId: l.id, meanMastery: mean, trend, reason: reasons.join("; ") }] : [];
    });
  }

  /** Learners x concepts mastery now; concepts: those under topicId, or every concept a learner practised. */
  async heatmap(classId: string, conceptIds: string[] | null): Promise<Omit<Heatmap, "classId" | "topicId">> {
    const d = await this.load(classId);
    const ids = conceptIds ?? [...new Set(d.learners.flatMap((l) => Object.keys(l.state.concepts)))].sort();
    return {
      learnerIds: d.learners.map((l) => l.id),
      conceptIds: ids,
      values: d.learners.map((l) => ids.map((id) => effectiveMastery(d.params, l.state, id, d.now).mastery)),
      attempts: d.learners.map((l) => ids.map((id) => l.state.concepts[id]?.attempts ?? 0)),
      implied: d.learners.map((l) => ids.map((id) => l.state.concepts[id]?.impliedBy !== undefined)),
    };
  }
}
