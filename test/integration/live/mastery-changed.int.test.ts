import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { ImportCurriculumDocument, MasteryChangesDocument, RecordEventsDocument } from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("live");
const SUB = "subscription($learnerId: ID, $classId: ID) { masteryChanged(learnerId: $learnerId, classId: $classId) { seq learnerId conceptId eventId after reason } }";
interface Change { seq: number; learnerId: string; conceptId: string; eventId: string; after: number; reason: string }

function client(token: string): Client {
  return createClient({ url: s.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: { authorization: `Bearer ${token}` } });
}

/** Subscribes and collects changes; `errors` receives subscription errors. */
function collect(c: Client, variables: Record<string, string>) {
  const got: Change[] = [];
  const errors: unknown[] = [];
  const hub = s.frontier.services.live.hub.mastery;
  const before = hub.size;
  const stop = c.subscribe<{ masteryChanged: Change }>({ query: SUB, variables }, {
    next: (v) => {
      if (v.data) got.push(v.data.masteryChanged);
      if (v.errors) errors.push(...v.errors);
    },
    error: (e) => errors.push(e),
    complete: () => {},
  });
  // graphql-ws sends no "subscribed" acknowledgement: wait until the server's hub has the subscriber.
  const ready = until(() => hub.size > before || errors.length > 0);
  return { got, errors, stop, ready };
}

const until = async (cond: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
};

let n = 0;
const answer = (learner: string, correct: boolean) => ({ eventId: `${P}e${n++}`, learnerId: `${P}${learner}`, itemId: `${P}q`, correct, occurredAt: new Date(Date.now() - 60_000 + n).toISOString() });

beforeAll(async () => {
  s = await startTestServer();
  const doc = { concepts: [{ id: `${P}c`, name: "C" }], items: [{ id: `${P}q`, kind: "QUESTION", title: "q", assesses: [{ conceptId: `${P}c` }] }] };
  await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: `${P}class`, name: "Live" }],
    teachers: [{ id: `${P}teacher`, classIds: [`${P}class`] }],
    learners: [{ id: `${P}ann`, classIds: [`${P}class`] }, { id: `${P}bob`, classIds: [] }],
  });
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("masteryChanged over graphql-ws", () => {
  it("pushes a learner's own changes to them, and a class's changes to its teacher, and nothing else", async () => {
    const ann = client(await s.token(Role.LEARNER, `${P}ann`));
    const teacher = client(await s.token(Role.TEACHER, `${P}teacher`));
    const own = collect(ann, { learnerId: `${P}ann` });
    const cls = collect(teacher, { classId: `${P}class` });
    await Promise.all([own.ready, cls.ready]);
    await s.gql(RecordEventsDocument, { events: [answer("ann", true), answer("bob", false)] }, s.admin);
    // A marker batch after it: pushes to a connection arrive in commit order, so once the marker
    // is here, anything of bob's that leaked from the first batch would have arrived before it.
    const marker = answer("ann", false);
    await s.gql(RecordEventsDocument, { events: [marker] }, s.admin);
    await until(() => own.got.some((c) => c.eventId === marker.eventId) && cls.got.some((c) => c.eventId === marker.eventId));
    expect(own.got.map((c) => [c.learnerId, c.conceptId, c.reason])).toEqual([
      [`${P}ann`, `${P}c`, "EVIDENCE"],
      [`${P}ann`, `${P}c`, "EVIDENCE"],
    ]);
    expect(cls.got.map((c) => c.learnerId)).toEqual([`${P}ann`, `${P}ann`]);
    own.stop();
    cls.stop();
    await ann.dispose();
    await teacher.dispose();
  });

  it("refuses to subscribe to someone else's changes", async () => {
    const ann = client(await s.token(Role.LEARNER, `${P}ann`));
    const spy = collect(ann, { learnerId: `${P}bob` });
    await until(() => spy.errors.length > 0);
    expect(JSON.stringify(spy.errors)).toMatch(/FORBIDDEN|not allowed|may not/);
    await ann.dispose();
  });

  it("lets a client that was away catch up with nothing missing and nothing duplicated", async () => {
    const token = await s.token(Role.LEARNER, `${P}ann`);
    const first = client(token);
    const live = collect(first, { learnerId: `${P}ann` });
    await live.ready;
    await s.gql(RecordEventsDocument, { events: [answer("ann", true)] }, s.admin);
    await until(() => live.got.length >= 1);
    const lastSeen = Math.max(...live.got.map((c) => c.seq));
    live.stop();
    await first.dispose();

    // Away: three more changes happen.
    for (let i = 0; i < 3; i++) await s.gql(RecordEventsDocument, { events: [answer("ann", i % 2 === 0)] }, s.admin);

    // Back: subscribe first, then fill the gap; merge by seq.
    const second = client(token);
    const again = collect(second, { learnerId: `${P}ann` });
    await again.ready;
    const gap = await s.gql(MasteryChangesDocument, { learnerId: `${P}ann`, afterSequence: lastSeen }, token);
    await s.gql(RecordEventsDocument, { events: [answer("ann", true)] }, s.admin);
    await until(() => again.got.length >= 1);
    const merged = new Map<number, { seq: number }>();
    for (const c of [...(gap.data?.masteryChangesSince ?? []), ...again.got]) merged.set(c.seq, c);
    const seqs = [...merged.keys()].sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => lastSeen + 1 + i));
    expect(seqs).toHaveLength(4);
    again.stop();
    await second.dispose();
  });
});
