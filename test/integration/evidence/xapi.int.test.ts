import { createHash, randomUUID } from "node:crypto";
import xapiModule from "@xapi/xapi";
import type { Statement } from "@xapi/xapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { ImportCurriculumDocument, MapActivitiesDocument, RecordEventsDocument } from "../../generated/graphql.js";
import examples from "../../fixtures/evidence/xapi-spec-examples.json" with { type: "json" };
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";
import { collect, wsClient } from "../../utils/ws.js";
import { MasteryChangedDocument } from "../../generated/graphql.js";

// CommonJS typings seen from ESM: the class is `default` (the package sets XAPI.default = XAPI at run time too).
const XAPI = xapiModule.default;
let s: TestServer;
const P = uniquePrefix("xapi");
const ITEMS = "https://school.example/items/";
const WATCHED = "https://w3id.org/xapi/video/verbs/watched";
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const SALLY = `mbox-${sha1("mailto:sally@example.com")}`;
const SIMPLE_USER = `mbox-${sha1("mailto:user@example.com")}`;
let producer: string;
let base: string;

interface Facts {
  events: number;
  mastery: Array<{ conceptId: string; p: number; attempts: number }>;
  history: Array<{ seq: number; conceptId: string; eventId: string; after: number; reason: string }>;
}
const facts = async (learnerId: string) => ((await s.query("test/learner-facts", { learnerId }))[0] ?? { events: 0, mastery: [], history: [] }) as unknown as Facts;
interface StoredRow { id: string; format: string; json: string; learnerId: string | null; status: string; code: string | null; reason: string | null; eventId: string | null; producer: string }
const stored = async (...ids: string[]) => (await s.query("test/statements", { ids })) as unknown as StoredRow[];
const events = async (ids: string[]) => (await s.query("test/event-rows", { ids })) as unknown as Array<Record<string, unknown>>;

/** A real xAPI client (the @xapi/xapi package, axios underneath) pointed at the test server. */
const client = (token: string, version?: string) => new XAPI({ endpoint: `${base}/xapi/`, auth: `Bearer ${token}`, ...(version ? { version: version as "1.0.3" } : {}) });
const statusOf = async (p: Promise<unknown>): Promise<{ status: number; data: unknown }> => {
  try {
    await p;
    return { status: 200, data: null };
  } catch (err) {
    const e = err as { response?: { status: number; data: unknown } };
    if (!e.response) throw err;
    return e.response;
  }
};
const raw = (method: string, body: unknown, opts: { token?: string | null; version?: string | null; query?: string } = {}) =>
  fetch(`${base}/xapi/statements${opts.query ?? ""}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(opts.version === null ? {} : { "x-experience-api-version": opts.version ?? "1.0.3" }),
      ...(opts.token === null ? {} : { authorization: `Bearer ${opts.token ?? producer}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const answered = (learner: string, item: string, result: Statement["result"], extra: Partial<Statement> = {}): Statement => ({
  id: randomUUID(),
  actor: { objectType: "Agent", account: { homePage: "https://lms.example", name: `${P}${learner}` } },
  verb: XAPI.Verbs.ANSWERED,
  object: { objectType: "Activity", id: `${ITEMS}${P}${item}` },
  result,
  timestamp: new Date(Date.now() - 60_000).toISOString(),
  ...extra,
});

beforeAll(async () => {
  s = await startTestServer({ ACTIVITY_ITEM_PREFIXES: ITEMS, XAPI_VERBS: JSON.stringify({ [WATCHED]: "experienced" }) });
  base = s.frontier.url;
  producer = await s.token(Role.PRODUCER, `${P}lms`);
  await s.query("test/delete-learners", { ids: [SALLY, SIMPLE_USER] });
  const doc = {
    concepts: [
      { id: `${P}a`, name: "A" },
      { id: `${P}b`, name: "B" },
    ],
    items: [
      { id: `${P}q1`, kind: "QUESTION", title: "q1", difficulty: 0, assesses: [{ conceptId: `${P}a` }] },
      { id: `${P}q2`, kind: "QUESTION", title: "q2", difficulty: 0.5, assesses: [{ conceptId: `${P}a` }, { conceptId: `${P}b` }] },
      { id: `${P}test`, kind: "EXERCISE", title: "hang gliding test", difficulty: 0, assesses: [{ conceptId: `${P}b` }] },
      { id: `${P}video`, kind: "VIDEO", title: "video", assesses: [{ conceptId: `${P}b` }] },
    ],
  };
  const r = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(r.data?.importCurriculum.applied).toBe(true);
  const m = await s.gql(MapActivitiesDocument, { rows: [{ activityId: examples.completed.object.id, itemId: `${P}test` }] }, s.designer);
  expect(m.data?.mapActivities).toEqual({ mapped: 1, removed: 0 });
});
afterAll(async () => {
  await s?.query("test/delete-learners", { ids: [SALLY, SIMPLE_USER] });
  await s?.cleanup(P);
  await s?.stop();
});

describe("/xapi/statements with a real xAPI client", () => {
  it("records an answered statement through the same ingestion as recordEvents: same mastery as the equivalent event", async () => {
    const st = answered("l1", "q2", { success: true, duration: "PT42S" });
    const res = await client(producer).sendStatement({ statement: st });
    expect(res.status).toBe(200);
    expect(res.data).toEqual([st.id]);
    expect(JSON.parse(String(res.headers["x-frontier-evidence"]))).toEqual([{ id: st.id, status: "ACCEPTED", code: null, reason: null }]);

    // The twin: the same answer through recordEvents, for another learner.
    const twin = await s.gql(RecordEventsDocument, { events: [{ eventId: `${P}twin-1`, learnerId: `${P}twin`, itemId: `${P}q2`, correct: true, occurredAt: st.timestamp as string, durationMs: 42_000 }] }, s.admin);
    expect(twin.data?.recordEvents.accepted).toBe(1);
    const [mine, theirs] = [await facts(`${P}l1`), await facts(`${P}twin`)];
    expect(mine.events).toBe(1);
    expect(mine.history.map((h) => [h.conceptId, h.eventId, h.reason])).toEqual([
      [`${P}a`, `xapi-${st.id}`, "EVIDENCE"],
      [`${P}b`, `xapi-${st.id}`, "EVIDENCE"],
    ]);
    const byConcept = (f: Facts) => Object.fromEntries(f.mastery.map((m) => [m.conceptId, m.p]));
    expect(byConcept(mine)).toEqual(byConcept(theirs));

    const [ev] = await events([`xapi-${st.id}`]);
    expect(ev).toMatchObject({ kind: "ANSWER", score: 1, durationMs: 42_000, source: `xapi:${P}lms`, itemId: `${P}q2` });
    const [row] = await stored(st.id as string);
    expect(row).toMatchObject({ format: "xapi", learnerId: `${P}l1`, status: "ACCEPTED", eventId: `xapi-${st.id}`, producer: `${P}lms` });
  });

  it("returns a stored statement on GET ?statementId=, with the LRS's stored, authority and version", async () => {
    const st = answered("l1", "q1", { success: false });
    await client(producer).sendStatement({ statement: st });
    const got = await client(producer).getStatement({ statementId: st.id as string });
    expect(got.data).toMatchObject({ id: st.id, verb: { id: XAPI.Verbs.ANSWERED.id }, object: { id: `${ITEMS}${P}q1` }, version: "1.0.0", authority: { account: { name: `${P}lms` } } });
    expect(Date.parse(String((got.data as { stored: string }).stored))).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.parse(String(got.headers["x-frontier-evidence"]))).toEqual([{ id: st.id, status: "ACCEPTED", code: null, reason: null }]);
    const missing = await statusOf(client(producer).getStatement({ statementId: randomUUID() }));
    expect(missing.status).toBe(404);
    expect(missing.data).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
  });

  it("changes nothing on a replay: POST answers the ids, PUT 204 when equal and 409 when different", async () => {
    const st = answered("l2", "q1", { success: true });
    await client(producer).sendStatement({ statement: st });
    const before = await facts(`${P}l2`);
    const again = await client(producer).sendStatement({ statement: { ...st } });
    expect(again.data).toEqual([st.id]);
    expect(JSON.parse(String(again.headers["x-frontier-evidence"]))[0]).toMatchObject({ status: "DUPLICATE" });
    const put = await raw("PUT", st, { query: `?statementId=${st.id}` });
    expect(put.status).toBe(204);
    // Key order and a client-set `stored` do not make a statement different.
    const reordered = { stored: "2000-01-01T00:00:00Z", ...Object.fromEntries(Object.entries(st).reverse()) };
    expect((await raw("PUT", reordered, { query: `?statementId=${st.id}` })).status).toBe(204);
    const changed = await raw("PUT", { ...st, result: { success: false } }, { query: `?statementId=${st.id}` });
    expect(changed.status).toBe(409);
    expect(await changed.json()).toMatchObject({ errors: [{ extensions: { code: "CONFLICT", ids: [st.id] } }] });
    const post = await statusOf(client(producer).sendStatements({ statements: [answered("l2", "q1", { success: true }), { ...st, result: { success: false } }] }));
    expect(post.status).toBe(409);
    expect(await facts(`${P}l2`)).toEqual(before);
    expect(JSON.parse((await stored(st.id as string))[0]?.json ?? "{}").result).toEqual({ success: true });
  });

  it("stores a statement sent twice at once one time, with one event", async () => {
    const st = answered("l15", "q1", { success: true });
    const [a, b] = await Promise.all([client(producer).sendStatement({ statement: st }), client(producer).sendStatement({ statement: { ...st } })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const statuses = [a, b].map((r) => JSON.parse(String(r.headers["x-frontier-evidence"]))[0].status).sort();
    expect(statuses).toEqual(["ACCEPTED", "DUPLICATE"]);
    expect((await facts(`${P}l15`)).events).toBe(1);
    expect(await stored(st.id as string)).toHaveLength(1);
  });

  it("stores a PUT under its statementId, and refuses one whose id differs", async () => {
    const id = randomUUID();
    const { id: _drop, ...st } = answered("l3", "q1", { score: { scaled: 0.5 } });
    expect((await raw("PUT", st, { query: `?statementId=${id}` })).status).toBe(204);
    expect(await stored(id)).toMatchObject([{ status: "ACCEPTED", eventId: `xapi-${id}` }]);
    const bad = await raw("PUT", { ...st, id: randomUUID() }, { query: `?statementId=${randomUUID()}` });
    expect(bad.status).toBe(400);
    expect((await raw("PUT", st)).status).toBe(400); // no statementId
  });

  it("refuses a batch that repeats an id (400) and writes nothing of it", async () => {
    const a = answered("l4", "q1", { success: true });
    const b = answered("l4", "q2", { success: true });
    const r = await statusOf(client(producer).sendStatements({ statements: [a, b, { ...a }] }));
    expect(r.status).toBe(400);
    expect(r.data).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
    expect(await stored(a.id as string, b.id as string)).toEqual([]);
    expect((await facts(`${P}l4`)).events).toBe(0);
  });

  it("checks the version header: 1.0.x and 2.0 accepted, anything else or none refused with 400 before anything is read", async () => {
    const v2 = answered("l5", "q1", { success: true });
    const r2 = await client(producer, "2.0.0").sendStatement({ statement: v2 });
    expect(r2.headers["x-experience-api-version"]).toBe("2.0.0");
    expect(JSON.parse((await stored(v2.id as string))[0]?.json ?? "{}").version).toBe("2.0.0");
    for (const version of [null, "0.95", "1.1.0", "3.0", "banana"]) {
      const st = answered("l5", "q1", { success: true });
      const res = await raw("POST", st, { version });
      expect(res.status, String(version)).toBe(400);
      expect(((await res.json()) as { errors: Array<{ extensions: { code: string }; message: string }> }).errors[0]).toMatchObject({ extensions: { code: "BAD_REQUEST" }, message: expect.stringMatching(/X-Experience-API-Version/) });
      expect(await stored(st.id as string)).toEqual([]);
    }
  });

  it("refuses malformed statements with 400 and the problems found by the validator, writing nothing", async () => {
    const good = answered("l6", "q1", { success: true });
    const badVerb = { ...answered("l6", "q1", { success: true }), verb: { id: "answered" } };
    const badScore = answered("l6", "q1", { score: { scaled: 2 } });
    const noActor = { ...answered("l6", "q1", { success: true }), actor: {} };
    const res = await raw("POST", [good, badVerb, badScore, noActor]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string; problems: Array<{ path: string; message: string }> } }> };
    const paths = body.errors[0]?.extensions.problems.map((p) => p.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["[1].verb.id", "[2].result.score.scaled", "[3].actor"]));
    expect(await stored(good.id as string)).toEqual([]);
    expect((await raw("POST", "not json at all")).status).toBe(400);
    const text = await fetch(`${base}/xapi/statements`, { method: "POST", headers: { "content-type": "application/json", "x-experience-api-version": "1.0.3", authorization: `Bearer ${producer}` }, body: "{ truncated" });
    expect(text.status).toBe(400);
  });

  it("refuses batches above 1,000 statements with 413", async () => {
    const many = Array.from({ length: 1001 }, () => answered("l7", "q1", { success: true }));
    const res = await raw("POST", many);
    expect(res.status).toBe(413);
    expect((await facts(`${P}l7`)).events).toBe(0);
  });

  it("stores and reports NOT_EVIDENCE with its reason: the spec's simple statement, unmapped activities, answers without a result, unknown items", async () => {
    const simple = { ...examples.simple, id: randomUUID() };
    const unmapped = { ...answered("l8", "q1", { success: true }), object: { id: "https://elsewhere.example/quiz/9" } };
    const noResult = answered("l8", "q1", {});
    const unknownItem = answered("l8", "ghost", { success: true });
    const res = await client(producer).sendStatements({ statements: [simple as Statement, unmapped, noResult, unknownItem] });
    const header = JSON.parse(String(res.headers["x-frontier-evidence"])) as Array<{ status: string; code: string; reason: string }>;
    expect(header.map((h) => [h.status, h.code])).toEqual([
      ["NOT_EVIDENCE", "UNMAPPED_VERB"],
      ["NOT_EVIDENCE", "UNMAPPED_ACTIVITY"],
      ["NOT_EVIDENCE", "NO_RESULT"],
      ["NOT_EVIDENCE", "UNKNOWN_ITEM"],
    ]);
    expect(header[0]?.reason).toContain("http://example.com/xapi/verbs#sent-a-statement");
    const rows = await stored(simple.id, unmapped.id as string, noResult.id as string, unknownItem.id as string);
    expect(rows.map((r) => [r.status, r.code])).toEqual(header.map((h) => [h.status, h.code]));
    expect(rows[0]?.learnerId).toBe(SIMPLE_USER);
    expect((await facts(`${P}l8`)).events).toBe(0);
    const got = await client(producer).getStatement({ statementId: unmapped.id as string });
    expect(JSON.parse(String(got.headers["x-frontier-evidence"]))[0]).toMatchObject({ status: "NOT_EVIDENCE", code: "UNMAPPED_ACTIVITY" });
  });

  it("maps the spec's 'completed' example through the activity table, hashing every plain mbox and storing no names", async () => {
    const st = { ...examples.completed, id: randomUUID(), timestamp: new Date(Date.now() - 30_000).toISOString() };
    const res = await client(producer).sendStatement({ statement: st as unknown as Statement });
    expect(JSON.parse(String(res.headers["x-frontier-evidence"]))[0]).toMatchObject({ status: "ACCEPTED" });
    const [row] = await stored(st.id);
    expect(row?.learnerId).toBe(SALLY);
    expect(row?.json).not.toMatch(/mailto:|Sally|Irene/);
    expect(JSON.parse(row?.json ?? "{}").context.instructor).toEqual({ mbox_sha1sum: sha1("mailto:irene@example.com") });
    expect(JSON.parse(row?.json ?? "{}").stored).not.toBe(examples.completed.stored); // the LRS sets stored
    const [ev] = await events([`xapi-${st.id}`]);
    expect(ev).toMatchObject({ kind: "ASSIGNMENT", score: 0.95, itemId: `${P}test`, learnerId: SALLY });
    expect((await facts(SALLY)).history.map((h) => h.conceptId)).toEqual([`${P}b`]);
  });

  it("treats a school's own verb mapped by XAPI_VERBS as its rule (watched -> experienced: a content view)", async () => {
    const st = { ...answered("l9", "video", { extensions: { "https://w3id.org/xapi/video/extensions/progress": 0.5 } }), verb: { id: WATCHED, display: { "en-US": "watched" } } };
    await client(producer).sendStatement({ statement: st });
    const [ev] = await events([`xapi-${st.id}`]);
    expect(ev).toMatchObject({ kind: "CONTENT_VIEW", watchFraction: 0.5, score: null });
  });

  it("replays late statements in time order, as recordEvents does", async () => {
    const t = Date.now() - 3_600_000;
    const late = answered("l10", "q1", { success: false }, { timestamp: new Date(t).toISOString() });
    const early = answered("l10", "q1", { success: true }, { timestamp: new Date(t + 60_000).toISOString() });
    await client(producer).sendStatement({ statement: early });
    await client(producer).sendStatement({ statement: late });
    const twin = await s.gql(RecordEventsDocument, {
      events: [
        { eventId: `${P}twin10-1`, learnerId: `${P}twin10`, itemId: `${P}q1`, correct: false, occurredAt: late.timestamp as string },
        { eventId: `${P}twin10-2`, learnerId: `${P}twin10`, itemId: `${P}q1`, correct: true, occurredAt: early.timestamp as string },
      ],
    }, s.admin);
    expect(twin.data?.recordEvents.accepted).toBe(2);
    const [mine, theirs] = [await facts(`${P}l10`), await facts(`${P}twin10`)];
    expect(mine.history.map((h) => h.reason)).toContain("LATE_EVIDENCE");
    expect(mine.mastery[0]?.p).toBeCloseTo(theirs.mastery[0]?.p ?? -1, 12);
  });

  it("pushes the mastery change of an accepted statement to masteryChanged subscribers", async () => {
    const ws = wsClient(s, await s.token(Role.LEARNER, `${P}l11`));
    const sub = collect(ws, MasteryChangedDocument, { learnerId: `${P}l11` }, () => s.frontier.services.live.hub.mastery.size);
    await sub.ready;
    const st = answered("l11", "q1", { success: true });
    await client(producer).sendStatement({ statement: st });
    await expect.poll(() => sub.got.length, { timeout: 10_000 }).toBe(1);
    expect(sub.got[0]?.masteryChanged).toMatchObject({ learnerId: `${P}l11`, eventId: `xapi-${st.id}`, conceptId: `${P}a` });
    sub.stop();
    await ws.dispose();
  });
});

describe("/xapi/statements: who may send and read", () => {
  it("needs a token (401), and a role that records evidence (a designer gets 403)", async () => {
    const st = answered("l12", "q1", { success: true });
    expect((await raw("POST", st, { token: null })).status).toBe(401);
    expect((await raw("POST", st, { token: "not-a-jwt" })).status).toBe(401);
    expect((await raw("POST", st, { token: s.designer })).status).toBe(403);
    expect(await stored(st.id as string)).toEqual([]);
  });

  it("lets a learner send and read their own statements only; a batch naming another learner writes nothing", async () => {
    const me = await s.token(Role.LEARNER, `${P}l13`);
    const own = answered("l13", "q1", { success: true });
    expect((await client(me).sendStatement({ statement: own })).status).toBe(200);
    const other = answered("l14", "q1", { success: true });
    const mixed = await statusOf(client(me).sendStatements({ statements: [answered("l13", "q1", { success: true }), other] }));
    expect(mixed.status).toBe(403);
    expect((await facts(`${P}l14`)).events).toBe(0);
    expect((await facts(`${P}l13`)).events).toBe(1);
    expect((await client(me).getStatement({ statementId: own.id as string })).status).toBe(200);
    const theirs = answered("l14", "q1", { success: true });
    await client(producer).sendStatement({ statement: theirs });
    expect((await statusOf(client(me).getStatement({ statementId: theirs.id as string }))).status).toBe(403);
  });

  it("answers unsupported queries and methods with a coded error, not an HTML page", async () => {
    const list = await raw("GET", undefined, { query: "?verb=http://adlnet.gov/expapi/verbs/answered" });
    expect(list.status).toBe(400);
    expect(await list.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
    const del = await raw("DELETE", undefined);
    expect(del.status).toBe(405);
    const about = await client(producer).getAbout();
    expect(about.data).toMatchObject({ version: expect.arrayContaining(["1.0.3"]) });
  });
});
