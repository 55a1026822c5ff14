import { z } from "zod";
import { ID_PATTERN } from "../../common/validation.js";
import type { RawEvent } from "../events/validate-event.js";
import { durationMs, notEvidence, sha1, type Mapped } from "./common.js";

/** The Caliper 1.2 context and data version. */
export const CALIPER_V1P2 = "http://purl.imsglobal.org/ctx/caliper/v1p2";

const Iri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, "must be an IRI");
const Entity = z.union([Iri, z.looseObject({ id: Iri, type: z.string().min(1) })]);
const DateTime = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone" });

/**
 * A Caliper 1.2 event, as far as Frontier reads it (every other property is kept as sent).
 * Written here with zod: no maintained Caliper validator is published on npm (IMS's caliper-js
 * is a sensor library, not a validator), and the part Frontier needs is small.
 */
export const CaliperEvent = z.looseObject({
  "@context": z.union([z.string(), z.array(z.unknown()), z.record(z.string(), z.unknown())]),
  id: z.string().regex(/^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "must be a urn:uuid: identifier"),
  type: z.string().min(1),
  actor: Entity,
  action: z.string().min(1),
  object: Entity,
  eventTime: DateTime,
  generated: Entity.optional(),
  target: Entity.optional(),
});
export type CaliperEventValue = z.output<typeof CaliperEvent>;

export const CaliperEnvelope = z.object({
  sensor: Iri,
  sendTime: DateTime,
  dataVersion: z.literal(CALIPER_V1P2, { message: `must be ${CALIPER_V1P2} (Caliper 1.2)` }),
  data: z.array(z.unknown()).min(1, "must hold at least one event"),
});

export interface CaliperMapping {
  itemOf: (objectId: string) => string | null;
  /** Actor IRI prefixes whose remainder is the learner id (e.g. `https://school.example/users/`). */
  actorPrefixes: readonly string[];
  source: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const idOf = (e: unknown): string => (typeof e === "string" ? e : isObject(e) ? String(e.id) : "");

/** The learner id of a Caliper actor IRI: the rest after a configured prefix when that is a valid id, else `caliper-<sha1 of the IRI>`. */
export function caliperLearnerOf(actorId: string, prefixes: readonly string[]): string {
  for (const p of prefixes) {
    const rest = actorId.startsWith(p) ? actorId.slice(p.length) : null;
    if (rest && ID_PATTERN.test(rest)) return rest;
  }
  return `caliper-${sha1(actorId)}`;
}

/**
 * One validated Caliper event -> a Frontier event, or the reason it is no evidence:
 *
 * - `AssessmentItemEvent` `Completed` with a `generated` Response: an ANSWER of the item
 *   (`object`), correct from the Response's `extensions.correct` (boolean) or `extensions.score`
 *   in [0, 1]; without either, NOT_EVIDENCE (NO_RESULT: Caliper's Response carries no score;
 *   send a GradeEvent).
 * - `GradeEvent` `Graded` with a `generated` Score: an ANSWER of the attempt's `assignable`,
 *   score = scoreGiven / maxScore.
 * - `MediaEvent` `Ended`: a CONTENT_VIEW with watchFraction 1; any other action with
 *   `target.currentTime` and the media object's `duration`: watchFraction = currentTime / duration.
 * - Anything else: NOT_EVIDENCE (UNMAPPED_EVENT).
 */
export function mapCaliperEvent(event: CaliperEventValue, mapping: CaliperMapping): Mapped {
  const uuid = event.id.slice("urn:uuid:".length).toLowerCase();
  const learnerId = caliperLearnerOf(idOf(event.actor), mapping.actorPrefixes);
  const item = (objectId: string) => mapping.itemOf(objectId);
  const base = (itemId: string): RawEvent => ({ eventId: `caliper-${uuid}`, learnerId, itemId, occurredAt: event.eventTime, source: mapping.source });
  const unmapped = (objectId: string) => notEvidence("UNMAPPED_ACTIVITY", `'${objectId}' is not mapped to an item (load the activity table with mapActivities)`);
  const generated = isObject(event.generated) ? event.generated : null;

  if (event.type === "AssessmentItemEvent" && event.action === "Completed") {
    if (!generated) return notEvidence("NO_RESULT", "a Completed AssessmentItemEvent needs a generated Response");
    const objectId = idOf(event.object);
    const itemId = item(objectId);
    if (itemId === null) return unmapped(objectId);
    const ext = isObject(generated.extensions) ? generated.extensions : {};
    const took = durationMs(generated.duration) ?? spanMs(generated.startedAtTime, generated.endedAtTime);
    if (typeof ext.score === "number") return { event: { ...base(itemId), kind: "ANSWER", score: ext.score, durationMs: took } };
    if (typeof ext.correct === "boolean") return { event: { ...base(itemId), kind: "ANSWER", correct: ext.correct, durationMs: took } };
    return notEvidence("NO_RESULT", "the Response has no extensions.correct or extensions.score; Caliper's Response carries no score (send a GradeEvent)");
  }
  if (event.type === "GradeEvent" && event.action === "Graded") {
    const score = generated;
    const attempt: Json = isObject(event.object) ? event.object : {};
    const objectId = idOf(attempt.assignable ?? event.object);
    if (!score || typeof score.scoreGiven !== "number" || typeof score.maxScore !== "number" || score.maxScore <= 0) {
      return notEvidence("NO_RESULT", "a Graded GradeEvent needs a generated Score with scoreGiven and a positive maxScore");
    }
    const itemId = item(objectId);
    if (itemId === null) return unmapped(objectId);
    return { event: { ...base(itemId), kind: "ANSWER", score: Math.min(1, Math.max(0, score.scoreGiven / score.maxScore)) } };
  }
  if (event.type === "MediaEvent") {
    const objectId = idOf(event.object);
    const itemId = item(objectId);
    if (itemId === null) return unmapped(objectId);
    if (event.action === "Ended") return { event: { ...base(itemId), kind: "CONTENT_VIEW", watchFraction: 1 } };
    const at = isObject(event.target) ? durationMs(event.target.currentTime) : null;
    const length = isObject(event.object) ? durationMs(event.object.duration) : null;
    if (at !== null && length !== null && length > 0) return { event: { ...base(itemId), kind: "CONTENT_VIEW", watchFraction: Math.min(1, at / length) } };
    return notEvidence("NO_RESULT", `a MediaEvent '${event.action}' without target.currentTime and the media's duration says nothing of how much was watched`);
  }
  return notEvidence("UNMAPPED_EVENT", `${event.type} '${event.action}' is not mapped to evidence (mapped: AssessmentItemEvent Completed, GradeEvent Graded, MediaEvent)`);
}

function spanMs(start: unknown, end: unknown): number | null {
  if (typeof start !== "string" || typeof end !== "string") return null;
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 && ms <= 24 * 3600 * 1000 ? ms : null;
}
