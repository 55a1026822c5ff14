import { randomUUID } from "node:crypto";
import xapiValidation from "@learninglocker/xapi-validation";
import { hasRole, Role, type AuthUser } from "../../auth/roles.js";
import { ID_PATTERN } from "../../common/validation.js";
import { caliperLearnerOf, CaliperEnvelope, CaliperEvent, mapCaliperEvent } from "../../domain/evidence/caliper.js";
import { canonicalJson, type Mapped } from "../../domain/evidence/common.js";
import { learnerOf, mapStatement, pseudonymise, type VerbRule } from "../../domain/evidence/xapi.js";
import type { RawEvent } from "../../domain/events/validate-event.js";
import { AppError, NotFoundError, type InputProblem } from "../../errors/errors.js";
import type { ErrorCode } from "../../errors/codes.js";
import type { Logger } from "../../logger.js";
import type { CurriculumService } from "../curriculum/curriculum.service.js";
import type { EventsService } from "../events/events.service.js";
import type { AccessService } from "../learners/access.service.js";
import type { EvidenceRepository, StatementRow } from "./evidence.repository.js";

/** Statements (or Caliper events) per request, at most: the same bound as recordEvents. */
export const MAX_STATEMENTS_PER_REQUEST = 1000;
/** Validation problems listed in an error, at most. */
const MAX_PROBLEMS = 50;

// The package is CommonJS compiled from ES modules: its function is `default` when imported from ESM.
const validateXapi = ((xapiValidation as unknown as { default?: unknown }).default ?? xapiValidation) as (data: unknown) => Array<{ path: string[]; name: string; typeName?: string; data?: unknown }>;

/** A refused intake request: an error code with the HTTP status the xAPI or Caliper specification gives. */
export class IntakeError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    extensions: Record<string, unknown> = {},
  ) {
    super(code, message, extensions);
  }
}

export type EvidenceStatus = "ACCEPTED" | "DUPLICATE" | "NOT_EVIDENCE";

/** What became of one statement. `code`/`reason` are set for NOT_EVIDENCE (and explain a DUPLICATE). */
export interface StatementOutcome {
  id: string;
  status: EvidenceStatus;
  code: string | null;
  reason: string | null;
  eventId: string | null;
  learnerId: string | null;
}

export interface EvidenceOptions {
  /** Verb IRI -> rule (the defaults merged with XAPI_VERBS). */
  verbs: Readonly<Record<string, VerbRule>>;
  /** Activity IRI prefixes whose remainder is an item id (after the activity table). */
  activityPrefixes: readonly string[];
  /** Caliper actor IRI prefixes whose remainder is a learner id. */
  caliperActorPrefixes: readonly string[];
  /** homePage of the `authority` the LRS writes into stored statements. */
  authorityHomePage: string;
}

/** One statement ready for the shared pipeline. */
interface Prepared {
  id: string;
  learnerId: string | null;
  /** Canonical text of what the producer sent, pseudonymised (replay comparison). */
  compare: string;
  /** What is stored and returned by GET. */
  json: string;
  verb: string | null;
  activityId: string | null;
  map: (itemOf: (activityId: string) => string | null) => Mapped;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const bad = (message: string, problems: InputProblem[] = []) => new IntakeError("BAD_REQUEST", message, 400, problems.length > 0 ? { problems: problems.slice(0, MAX_PROBLEMS) } : {});

/**
 * Evidence from the learning ecosystem: xAPI statements (an LRS's statement resource, the part a
 * producer needs) and Caliper 1.2 events. Each request is validated whole (any invalid statement
 * refuses the request and writes nothing), replays are compared with what is stored, the
 * statements are mapped onto Frontier's event contract and go through `EventsService.record` (the
 * same ingestion as recordEvents: idempotent, late events replayed, mastery pushed), then every
 * statement is stored with its outcome (the audit trail), evidence or not.
 */
export class EvidenceService {
  constructor(
    private readonly repo: EvidenceRepository,
    private readonly events: EventsService,
    private readonly access: AccessService,
    private readonly curriculum: CurriculumService,
    private readonly options: EvidenceOptions,
    private readonly logger: Logger | null = null,
  ) {}

  /**
   * POST (one statement or an array) or PUT (`statementId`) of xAPI statements. Returns the ids in
   * input order and each statement's outcome. Throws IntakeError (400, 403, 409, 413).
   */
  async putStatements(user: AuthUser | null, body: unknown, opts: { statementId: string | null; version: string; now?: number }): Promise<{ ids: string[]; outcomes: StatementOutcome[] }> {
    this.assertProducer(user);
    const put = opts.statementId !== null;
    if (put && !UUID.test(opts.statementId ?? "")) throw bad("statementId must be a UUID.", [{ path: "statementId", message: "must be a UUID" }]);
    if (put && !isObject(body)) throw bad("PUT takes one statement (a JSON object).");
    const list = Array.isArray(body) ? body : [body];
    if (list.length === 0) throw bad("No statements: send a statement or a non-empty array.");
    if (list.length > MAX_STATEMENTS_PER_REQUEST) throw new IntakeError("BAD_REQUEST", `At most ${MAX_STATEMENTS_PER_REQUEST} statements per request (got ${list.length}).`, 413, { limit: MAX_STATEMENTS_PER_REQUEST });

    const problems: InputProblem[] = [];
    list.forEach((s, i) => {
      const where = Array.isArray(body) ? `[${i}]` : "";
      for (const w of validateXapi(s)) {
        const path = [where, ...w.path.slice(1)].filter((x) => x !== "").join(".").replace(/^\./, "") || "statement";
        problems.push({ path, message: w.typeName ? `${w.name}: expected ${w.typeName}` : w.name });
      }
      if (isObject(s) && put && s.id !== undefined && String(s.id).toLowerCase() !== String(opts.statementId).toLowerCase()) {
        problems.push({ path: `${where}id`.replace(/^\./, "") || "id", message: "differs from the statementId parameter" });
      }
    });
    if (problems.length > 0) throw bad(`Invalid statement${list.length > 1 ? "s" : ""}: nothing was stored.`, problems);

    const now = opts.now ?? Date.now();
    const stored = new Date(now).toISOString();
    const authority = { objectType: "Agent", account: { homePage: this.options.authorityHomePage, name: (user as AuthUser).sub } };
    const source = `xapi:${(user as AuthUser).sub}`.slice(0, 200);
    const prepared = list.map((raw): Prepared => {
      const sent = pseudonymise(raw) as Json;
      const id = String(sent.id ?? (put ? opts.statementId : randomUUID())).toLowerCase();
      const { stored: _s, authority: _a, version: _v, ...rest } = sent;
      const producerView = { ...rest, id };
      const full: Json = { ...producerView, timestamp: rest.timestamp ?? stored, stored, authority, version: opts.version.startsWith("2.") ? "2.0.0" : "1.0.0" };
      const learner = learnerOf(sent.actor);
      const object = isObject(sent.object) ? sent.object : {};
      return {
        id,
        learnerId: "learnerId" in learner ? learner.learnerId : null,
        compare: canonicalJson(producerView),
        json: canonicalJson(full),
        verb: isObject(sent.verb) ? String(sent.verb.id) : null,
        activityId: typeof object.id === "string" ? object.id : null,
        map: (itemOf) => mapStatement({ ...full, timestamp: new Date(String(full.timestamp)).toISOString() }, { verbs: this.options.verbs, itemOf, source }),
      };
    });
    const outcomes = await this.pipeline(user as AuthUser, prepared, "xapi", now);
    return { ids: prepared.map((p) => p.id), outcomes };
  }

  /** GET ?statementId=: the stored statement and its outcome. */
  async getStatement(user: AuthUser | null, id: string): Promise<{ json: string; outcome: StatementOutcome }> {
    if (!user) throw new IntakeError("UNAUTHENTICATED", "Authentication required: send a valid bearer token.", 401);
    if (!UUID.test(id)) throw bad("statementId must be a UUID.", [{ path: "statementId", message: "must be a UUID" }]);
    const s = await this.repo.get(id.toLowerCase());
    if (!s || s.format !== "xapi") throw Object.assign(new NotFoundError("statement", id), { status: 404 });
    if (!hasRole(user, Role.ADMIN, Role.PRODUCER)) {
      const allowed = s.learnerId !== null && (await this.access.recorder(user, [s.learnerId]))(s.learnerId);
      if (!allowed) throw new IntakeError("FORBIDDEN", `You may not read statement '${id}'.`, 403);
    }
    return { json: s.json, outcome: { id: s.id, status: s.status as EvidenceStatus, code: s.code, reason: s.reason, eventId: s.eventId, learnerId: s.learnerId } };
  }

  /** POST /caliper: a Caliper 1.2 envelope. Entities in `data` (no `action`) are counted, not stored. */
  async caliper(user: AuthUser | null, body: unknown, now: number = Date.now()): Promise<{ outcomes: StatementOutcome[]; entities: number }> {
    this.assertProducer(user);
    const envelope = CaliperEnvelope.safeParse(body);
    if (!envelope.success) throw bad("Invalid Caliper envelope: nothing was stored.", envelope.error.issues.map((i) => ({ path: i.path.join(".") || "envelope", message: i.message })));
    const data = envelope.data.data;
    if (data.length > MAX_STATEMENTS_PER_REQUEST) throw new IntakeError("BAD_REQUEST", `At most ${MAX_STATEMENTS_PER_REQUEST} events per envelope (got ${data.length}).`, 413, { limit: MAX_STATEMENTS_PER_REQUEST });
    const problems: InputProblem[] = [];
    const events = data.flatMap((d, i) => {
      if (isObject(d) && !("action" in d)) return [];
      const parsed = CaliperEvent.safeParse(d);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ path: ["data", i, ...issue.path].join("."), message: issue.message });
        return [];
      }
      return [parsed.data];
    });
    if (problems.length > 0) throw bad("Invalid Caliper event(s): nothing was stored.", problems);
    if (events.length === 0) throw bad("The envelope holds no events (only entities): nothing to record.");
    const stored = new Date(now).toISOString();
    const source = `caliper:${(user as AuthUser).sub}`.slice(0, 200);
    const prepared = events.map((e): Prepared => {
      const sent = pseudonymise(e) as Json;
      const actorId = typeof e.actor === "string" ? e.actor : e.actor.id;
      return {
        id: e.id.toLowerCase(),
        learnerId: caliperLearnerOf(actorId, this.options.caliperActorPrefixes),
        compare: canonicalJson(sent),
        json: canonicalJson({ ...sent, "frontier:stored": stored, "frontier:sensor": envelope.data.sensor }),
        verb: `${e.type}/${e.action}`,
        activityId: typeof e.object === "string" ? e.object : e.object.id,
        map: (itemOf) => mapCaliperEvent(e, { itemOf, actorPrefixes: this.options.caliperActorPrefixes, source }),
      };
    });
    return { outcomes: await this.pipeline(user as AuthUser, prepared, "caliper", now), entities: data.length - events.length };
  }

  /** Loads rows of the activity -> item table; `itemId: null` removes a row. Unknown items refuse the whole call. */
  async mapActivities(rows: ReadonlyArray<{ activityId: string; itemId: string | null }>): Promise<{ mapped: number; removed: number }> {
    const set = rows.filter((r): r is { activityId: string; itemId: string } => r.itemId !== null);
    const known = await this.curriculum.resolveItems([...new Set(set.map((r) => r.itemId))]);
    const missing = [...new Set(set.map((r) => r.itemId))].filter((_, i) => known[i] === null);
    if (missing.length > 0) throw new NotFoundError("item", missing);
    const removed = await this.repo.unmapActivities(rows.filter((r) => r.itemId === null).map((r) => r.activityId));
    return { mapped: await this.repo.mapActivities(set), removed };
  }

  private assertProducer(user: AuthUser | null): asserts user is AuthUser {
    if (!user) throw new IntakeError("UNAUTHENTICATED", "Authentication required: send a valid bearer token.", 401);
    if (!hasRole(user, Role.ADMIN, Role.PRODUCER, Role.TEACHER, Role.LEARNER)) {
      throw new IntakeError("FORBIDDEN", "Recording evidence needs the PRODUCER or ADMIN role (or LEARNER for oneself, TEACHER for one's learners).", 403);
    }
  }

  /**
   * The part xAPI and Caliper share: repeated ids, authorisation per learner, replays, mapping,
   * ingestion, then the audit trail. Nothing is written unless the whole request is acceptable.
   */
  private async pipeline(user: AuthUser, prepared: Prepared[], format: "xapi" | "caliper", now: number): Promise<StatementOutcome[]> {
    const seen = new Set<string>();
    const repeated = prepared.filter((p) => (seen.has(p.id) ? true : (seen.add(p.id), false))).map((p) => p.id);
    if (repeated.length > 0) throw bad(`The same id appears more than once in the request: ${[...new Set(repeated)].join(", ")}. Nothing was stored.`, [...new Set(repeated)].map((id) => ({ path: "id", message: `repeated: ${id}` })));

    if (!hasRole(user, Role.ADMIN, Role.PRODUCER)) {
      const learners = [...new Set(prepared.flatMap((p) => (p.learnerId ? [p.learnerId] : [])))];
      const may = await this.access.recorder(user, learners);
      const refused = prepared.filter((p) => p.learnerId === null || !may(p.learnerId));
      if (refused.length > 0) throw new IntakeError("FORBIDDEN", `You may not record evidence for ${refused.map((p) => `'${p.learnerId ?? "an actor that is no learner"}'`).join(", ")}.`, 403);
    }

    const existing = await this.repo.existing(prepared.map((p) => p.id));
    const differing = prepared.filter((p) => existing.has(p.id) && existing.get(p.id) !== p.compare).map((p) => p.id);
    if (differing.length > 0) throw new IntakeError("CONFLICT", `A different statement with id ${differing.join(", ")} is stored already: nothing was stored.`, 409, { ids: differing });

    const fresh = prepared.filter((p) => !existing.has(p.id));
    const activityIds = [...new Set(fresh.flatMap((p) => (p.activityId ? [p.activityId] : [])))];
    const table = await this.repo.itemsOfActivities(activityIds);
    const itemOf = (activityId: string): string | null => {
      const mapped = table.get(activityId);
      if (mapped) return mapped;
      for (const prefix of this.options.activityPrefixes) {
        const rest = activityId.startsWith(prefix) ? activityId.slice(prefix.length) : null;
        if (rest && ID_PATTERN.test(rest)) return rest;
      }
      return null;
    };
    const mapped = fresh.map((p) => p.map(itemOf));
    const raw: RawEvent[] = mapped.flatMap((m) => ("event" in m ? [m.event] : []));
    const recorded = raw.length > 0 ? await this.events.record(raw, { atomic: false, mayRecordFor: null }) : null;
    const byEvent = new Map((recorded?.results ?? []).map((r) => [r.eventId, r]));

    const outcomes = new Map<string, StatementOutcome>();
    const rows: StatementRow[] = fresh.map((p, i) => {
      const m = mapped[i] as Mapped;
      let outcome: StatementOutcome;
      if ("notEvidence" in m) {
        outcome = { id: p.id, status: "NOT_EVIDENCE", code: m.notEvidence.code, reason: m.notEvidence.reason, eventId: null, learnerId: p.learnerId };
      } else {
        const r = byEvent.get(m.event.eventId ?? "");
        if (!r || r.status === "REJECTED" || r.status === "NOT_APPLIED") {
          outcome = { id: p.id, status: "NOT_EVIDENCE", code: r?.code ?? "INVALID_VALUE", reason: r?.reason ?? "not recorded", eventId: null, learnerId: p.learnerId };
        } else {
          // A new statement whose event exists: an earlier attempt recorded the event, then failed before storing the statement.
          const reason = r.status === "DUPLICATE" ? "its event was recorded by an earlier attempt of this statement" : null;
          outcome = { id: p.id, status: "ACCEPTED", code: null, reason, eventId: m.event.eventId ?? null, learnerId: p.learnerId };
        }
      }
      outcomes.set(p.id, outcome);
      return { id: p.id, format, json: p.json, compare: p.compare, learnerId: p.learnerId, verb: p.verb, activityId: p.activityId, status: outcome.status, code: outcome.code, reason: outcome.reason, eventId: outcome.eventId, producer: user.sub, stored: now };
    });
    const written = await this.repo.store(rows);
    const lost = written.filter((w) => !w.created && w.compare !== rows.find((r) => r.id === w.id)?.compare).map((w) => w.id);
    if (lost.length > 0) {
      this.logger?.warn({ ids: lost }, "a different statement with the same id was stored by a concurrent request");
      throw new IntakeError("CONFLICT", `A different statement with id ${lost.join(", ")} was stored by a concurrent request.`, 409, { ids: lost });
    }
    // The same statement stored meanwhile by a concurrent request: this one changed nothing.
    for (const w of written) if (!w.created) outcomes.delete(w.id);
    return prepared.map(
      (p) => outcomes.get(p.id) ?? { id: p.id, status: "DUPLICATE", code: null, reason: "stored before with the same content; nothing changed", eventId: null, learnerId: p.learnerId },
    );
  }
}
