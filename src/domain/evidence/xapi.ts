import { ID_PATTERN } from "../../common/validation.js";
import type { RawEvent } from "../events/validate-event.js";
import { display, durationMs, notEvidence, sha1, type Mapped } from "./common.js";

/**
 * What a verb means to Frontier. Each built-in verb is one rule; a school maps its own verbs
 * (XAPI_VERBS) onto these rules, or onto `ignore` (stored, reported NOT_EVIDENCE).
 */
export const VERB_RULES = ["answered", "attempted", "completed", "passed", "failed", "experienced", "ignore"] as const;
export type VerbRule = (typeof VERB_RULES)[number];

const ADL = "http://adlnet.gov/expapi/verbs/";
/** The ADL verbs Frontier knows without configuration. */
export const DEFAULT_VERBS: Readonly<Record<string, VerbRule>> = {
  [`${ADL}answered`]: "answered",
  [`${ADL}attempted`]: "attempted",
  [`${ADL}completed`]: "completed",
  [`${ADL}passed`]: "passed",
  [`${ADL}failed`]: "failed",
  [`${ADL}experienced`]: "experienced",
};

/** The xAPI Video profile's progress extension: fraction of the video watched, in [0, 1]. */
export const VIDEO_PROGRESS = "https://w3id.org/xapi/video/extensions/progress";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const AGENT_KEYS = ["mbox", "mbox_sha1sum", "openid", "account"];
// Caliper's Person is an agent too (its `name` is dropped the same way).
const isAgentLike = (o: Json) => o.objectType === "Agent" || o.objectType === "Group" || o.type === "Person" || AGENT_KEYS.some((k) => k in o);

/**
 * The statement as Frontier stores it: every agent's plain `mbox` replaced by its
 * `mbox_sha1sum` (the SHA-1 of the `mailto:` IRI, as xAPI defines it, so the same person sent
 * either way is one learner) and every agent's `name` dropped (Frontier stores no names or
 * emails). Everything else is kept as sent. Pure: returns a copy.
 */
export function pseudonymise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pseudonymise);
  if (!isObject(value)) return value;
  const out: Json = {};
  const agent = isAgentLike(value);
  for (const [k, v] of Object.entries(value)) {
    if (agent && k === "name") continue;
    if (agent && k === "mbox" && typeof v === "string") {
      out.mbox_sha1sum = sha1(v);
      continue;
    }
    out[k] = pseudonymise(v);
  }
  return out;
}

/**
 * The pseudonymous learner id of an (already pseudonymised) actor: `account.name` when it is a
 * valid Frontier id (the school's LMS account id), else `acct-` and the SHA-1 of
 * `homePage|name`; `mbox-<sha1>` for mbox (hashed) and mbox_sha1sum; `openid-<sha1>` for openid.
 * A Group, or an agent with no identifier, is no learner.
 */
export function learnerOf(actor: unknown): { learnerId: string } | { code: string; reason: string } {
  if (!isObject(actor)) return { code: "UNKNOWN_ACTOR", reason: "the actor is not an agent" };
  if (actor.objectType === "Group") return { code: "UNKNOWN_ACTOR", reason: "the actor is a Group; evidence is per learner" };
  const account = actor.account;
  if (isObject(account) && typeof account.name === "string") {
    if (ID_PATTERN.test(account.name)) return { learnerId: account.name };
    return { learnerId: `acct-${sha1(`${String(account.homePage ?? "")}|${account.name}`)}` };
  }
  if (typeof actor.mbox_sha1sum === "string") return { learnerId: `mbox-${actor.mbox_sha1sum.toLowerCase()}` };
  if (typeof actor.mbox === "string") return { learnerId: `mbox-${sha1(actor.mbox)}` };
  if (typeof actor.openid === "string") return { learnerId: `openid-${sha1(actor.openid)}` };
  return { code: "UNKNOWN_ACTOR", reason: "the actor has no account, mbox, mbox_sha1sum or openid" };
}

export interface XapiMapping {
  /** Verb IRI -> rule (defaults merged with XAPI_VERBS). */
  verbs: Readonly<Record<string, VerbRule>>;
  /** Activity IRI -> Frontier item id, or null when no mapping knows it. */
  itemOf: (activityId: string) => string | null;
  /** `source` of the event (which producer sent it). */
  source: string;
}

/**
 * A score in [0, 1] from an xAPI result: `score.scaled` (negative values count as 0), else
 * `(raw - min) / (max - min)`, else a `raw` already in [0, 1]; null when none applies.
 */
export function scoreOf(result: Json): number | null {
  const score = result.score;
  if (!isObject(score)) return null;
  if (typeof score.scaled === "number") return Math.min(1, Math.max(0, score.scaled));
  const { raw, min, max } = score;
  if (typeof raw === "number" && typeof min === "number" && typeof max === "number" && max > min) return Math.min(1, Math.max(0, (raw - min) / (max - min)));
  if (typeof raw === "number" && raw >= 0 && raw <= 1) return raw;
  return null;
}

/**
 * One validated, pseudonymised statement (with its `id` and `timestamp` set) -> a Frontier
 * event, or the reason it is no evidence. The rules, per verb rule:
 *
 * - `answered`, `attempted`: ANSWER; `score` from the result, else `correct` = `result.success`;
 *   neither -> NOT_EVIDENCE (NO_RESULT).
 * - `completed`: with a score or success, an ASSIGNMENT scored the same way; without, a
 *   CONTENT_VIEW with watchFraction 1 (a reading or video finished).
 * - `passed` / `failed`: ASSIGNMENT with the result's score, else 1 / 0.
 * - `experienced`: CONTENT_VIEW; watchFraction from the video profile's `progress` extension,
 *   else 0 when `result.completion` is false, else 1.
 * - `ignore` and unknown verbs: NOT_EVIDENCE (IGNORED_VERB / UNMAPPED_VERB).
 *
 * `result.duration` becomes durationMs. The object must be an Activity whose id maps to an item.
 */
export function mapStatement(statement: Json, mapping: XapiMapping): Mapped {
  const id = String(statement.id);
  const verb = isObject(statement.verb) ? statement.verb : {};
  const verbId = String(verb.id ?? "");
  const rule = mapping.verbs[verbId];
  const verbName = display(verb.display) ?? verbId;
  if (verbId === `${ADL}voided`) return notEvidence("IGNORED_VERB", "a voiding statement is stored but does not undo evidence");
  if (rule === undefined) return notEvidence("UNMAPPED_VERB", `verb '${verbId}' is not mapped (XAPI_VERBS maps a verb onto one of ${VERB_RULES.join(", ")})`);
  if (rule === "ignore") return notEvidence("IGNORED_VERB", `verb '${verbName}' is configured to be ignored`);
  const learner = learnerOf(statement.actor);
  if ("code" in learner) return notEvidence(learner.code, learner.reason);
  const object = isObject(statement.object) ? statement.object : {};
  if (object.objectType !== undefined && object.objectType !== "Activity") return notEvidence("NOT_AN_ACTIVITY", `the object is a ${String(object.objectType)}, not an Activity`);
  const activityId = String(object.id ?? "");
  const itemId = mapping.itemOf(activityId);
  if (itemId === null) return notEvidence("UNMAPPED_ACTIVITY", `activity '${activityId}' is not mapped to an item (load the activity table with mapActivities)`);

  const result = isObject(statement.result) ? statement.result : {};
  const score = scoreOf(result);
  const success = typeof result.success === "boolean" ? result.success : null;
  const base: RawEvent = {
    eventId: `xapi-${id}`,
    learnerId: learner.learnerId,
    itemId,
    occurredAt: String(statement.timestamp),
    durationMs: durationMs(result.duration),
    source: mapping.source,
  };
  const graded = (kind: "ANSWER" | "ASSIGNMENT"): RawEvent => (score !== null ? { ...base, kind, score } : { ...base, kind, correct: success });
  switch (rule) {
    case "answered":
    case "attempted":
      if (score === null && success === null) return notEvidence("NO_RESULT", `'${verbName}' without result.success or result.score says nothing about mastery`);
      return { event: graded("ANSWER") };
    case "completed":
      if (score === null && success === null) return { event: { ...base, kind: "CONTENT_VIEW", watchFraction: 1 } };
      return { event: graded("ASSIGNMENT") };
    case "passed":
    case "failed":
      return { event: { ...base, kind: "ASSIGNMENT", score: score ?? (rule === "passed" ? 1 : 0) } };
    case "experienced": {
      const ext = isObject(result.extensions) ? result.extensions[VIDEO_PROGRESS] : undefined;
      const watchFraction = typeof ext === "number" ? ext : result.completion === false ? 0 : 1;
      return { event: { ...base, kind: "CONTENT_VIEW", watchFraction } };
    }
  }
}
