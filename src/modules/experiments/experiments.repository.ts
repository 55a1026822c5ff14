import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { first, readRows, typedQuery, writeRows } from "../../neo4j/typed.js";
import type { LearnerWindow } from "../../domain/experiments/outcomes.js";

const id = z.string();
const optDate = z.date().nullish().transform((v) => v ?? null);
const optNum = z.number().nullish().transform((v) => v ?? null);

/** An experiment as stored: variants and eligibility are JSON strings (Neo4j keeps no nested maps). */
const StoredExperiment = z.object({
  id,
  name: z.string(),
  hypothesis: z.string().nullish().transform((v) => v ?? null),
  status: z.enum(["DRAFT", "RUNNING", "STOPPED"]),
  unit: z.enum(["LEARNER", "CLASS"]),
  variants: z.string(),
  eligibility: z.string(),
  primaryMetric: z.string(),
  secondaryMetrics: z.array(z.string()).nullish().transform((v) => v ?? []),
  windowDays: z.number(),
  startAt: optNum,
  stopAt: optNum,
  createdAt: z.date(),
  startedAt: optDate,
  stoppedAt: optDate,
});
export type StoredExperiment = z.output<typeof StoredExperiment>;

const ExperimentRow = z.object({ experiment: StoredExperiment });
const StatusRow = z.object({ was: z.string(), experiment: StoredExperiment });
const ContextRow = z.object({
  createdAt: optDate,
  classIds: z.array(id),
  practisedTopicIds: z.array(id),
  decisions: z.array(z.object({ experimentId: id, variant: z.string().nullish().transform((v) => v ?? null), unitId: z.string().nullish().transform((v) => v ?? null), excluded: z.string().nullish().transform((v) => v ?? null) })),
});
const ExposureRow = z.object({ variant: z.string().nullable(), excluded: z.string().nullable() });
const WindowRow = z
  .object({
    learnerId: id,
    unitId: id,
    variant: z.string(),
    firstExposedAt: z.date(),
    events: z.array(z.tuple([z.number(), z.string(), z.number().nullable()])),
    changes: z.array(z.tuple([id, z.number(), z.number(), z.number()])),
    shown: z.array(id),
  })
  .transform(
    (r): LearnerWindow => ({
      learnerId: r.learnerId,
      unitId: r.unitId,
      variant: r.variant,
      firstExposedAt: r.firstExposedAt.getTime(),
      events: r.events.map(([at, kind, durationMs]) => ({ at, kind, durationMs })),
      changes: r.changes.map(([conceptId, at, before, after]) => ({ conceptId, at, before, after })),
      shownConceptIds: r.shown,
    }),
  );
const ExclusionRow = z.object({ reason: z.string(), learners: z.number() });

const Q = {
  create: typedQuery("experiments/create-experiment", ExperimentRow),
  update: typedQuery("experiments/update-experiment", ExperimentRow),
  setStatus: typedQuery("experiments/set-status", StatusRow),
  get: typedQuery("experiments/get-experiments", ExperimentRow),
  list: typedQuery("experiments/list-experiments", ExperimentRow),
  running: typedQuery("experiments/running-experiments", ExperimentRow),
  context: typedQuery("experiments/learner-context", ContextRow),
  exposure: typedQuery("experiments/record-exposure", ExposureRow),
  windows: typedQuery("experiments/unit-windows", WindowRow),
  exclusions: typedQuery("experiments/exclusions", ExclusionRow),
};

/** What create and update write (variants and eligibility already JSON). */
export interface ExperimentWrite {
  id: string;
  name: string;
  hypothesis: string | null;
  unit: string;
  variants: string;
  eligibility: string;
  primaryMetric: string;
  secondaryMetrics: string[];
  windowDays: number;
  startAt: number | null;
  stopAt: number | null;
}

export type LearnerContext = z.output<typeof ContextRow>;

/** The only code that names the experiments' .cypher files. */
export class ExperimentsRepository {
  constructor(private readonly db: Database) {}

  async create(x: ExperimentWrite): Promise<StoredExperiment> {
    const row = await first(writeRows(this.db, Q.create, { ...x }));
    return (row as z.output<typeof ExperimentRow>).experiment;
  }

  /** The experiment after the attempt (unchanged unless it was DRAFT); null: no such experiment. */
  async update(x: ExperimentWrite): Promise<StoredExperiment | null> {
    return (await first(writeRows(this.db, Q.update, { ...x })))?.experiment ?? null;
  }

  /** `was`: the status before; the step applied only when it equals `from`. null: no such experiment. */
  async setStatus(id: string, from: string, to: string): Promise<{ was: string; experiment: StoredExperiment } | null> {
    return first(writeRows(this.db, Q.setStatus, { id, from, to }));
  }

  async byIds(ids: readonly string[]): Promise<StoredExperiment[]> {
    return (await readRows(this.db, Q.get, { ids })).map((r) => r.experiment);
  }

  async list(status: string | null, limit: number): Promise<StoredExperiment[]> {
    return (await readRows(this.db, Q.list, { status, limit })).map((r) => r.experiment);
  }

  async running(): Promise<StoredExperiment[]> {
    return (await readRows(this.db, Q.running)).map((r) => r.experiment);
  }

  /** null: no such learner. */
  async learnerContext(learnerId: string, experimentIds: readonly string[], topicIds: readonly string[]): Promise<LearnerContext | null> {
    return first(readRows(this.db, Q.context, { learnerId, experimentIds, topicIds }));
  }

  /** Records the decision on first exposure (kept if one exists) and logs the served list; the stored decision. */
  async recordExposure(e: { experimentId: string; learnerId: string; unitId: string | null; variant: string | null; excluded: string | null; at: number; conceptIds: string[] | null }) {
    return first(writeRows(this.db, Q.exposure, { ...e }));
  }

  async windows(id: string, windowDays: number): Promise<LearnerWindow[]> {
    return readRows(this.db, Q.windows, { id, windowDays });
  }

  async exclusions(id: string): Promise<Array<{ reason: string; learners: number }>> {
    return readRows(this.db, Q.exclusions, { id });
  }
}
