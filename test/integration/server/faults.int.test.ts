import WebSocket from "ws";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startApi, until, type ApiProcess } from "../../../bench/reliability/faults/procs.js";
import { importCurriculum, produce, stream, type StreamEvent } from "../../../bench/reliability/faults/stream.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * Issue 21's process faults, short forms of bench/reliability/faults (the full runs and their
 * figures: docs/reliability.md): kill -9 of the API with a batch in flight and after its commit,
 * a fan-out failure after the commit (item 7), and a subscriber that stops reading.
 */
const P = uniquePrefix("faults");
let s: TestServer;

interface Facts {
  events: number;
  mastery: Array<{ conceptId: string; p: number; attempts: number }>;
  history: Array<{ seq: number; conceptId: string; eventId: string | null; after: number; reason: string }>;
}
const facts = async (learnerId: string) => ((await s.query("test/learner-facts", { learnerId }))[0] ?? { events: 0, mastery: [], history: [] }) as unknown as Facts;
/** Mastery per concept and the change history, with the learner's own id taken out of event ids. */
const shape = (f: Facts, learnerId: string) => ({
  mastery: [...f.mastery].sort((a, b) => (a.conceptId < b.conceptId ? -1 : 1)),
  history: f.history.map((h) => ({ ...h, eventId: String(h.eventId ?? "").slice(learnerId.length) })),
});
const RECORD = "mutation($e: [EventInput!]!) { recordEvents(events: $e) { accepted duplicates rejected } }";

beforeAll(async () => {
  s = await startTestServer({ RATE_LIMIT_TOKEN: "0", RATE_LIMIT_INGEST: "0", RATE_LIMIT_ADDRESS: "0" });
  await importCurriculum(s.frontier.url, s.designer, P);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("kill -9 of the API", () => {
  let api: ApiProcess | null = null;
  afterAll(async () => {
    await api?.stop();
  });

  it("loses and doubles nothing: a batch killed in flight and one killed after its commit are each stored once, mastery as in a no-fault run", async () => {
    // One learner, so the two batches and the reference are one ordered history each.
    const events = stream(P, "kill", 1, 600, 5);
    const reference = stream(P, "ref", 1, 600, 5);
    const learner = (events[0] as StreamEvent).learnerId;
    const port = await freePort();
    api = await startApi(port, {}, { source: true });
    const send = (batch: StreamEvent[]) => fetch(`${api?.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${s.admin}` }, body: JSON.stringify({ query: RECORD, variables: { e: batch } }) });

    // 1. Killed right after the request left: whatever the server had done is all or nothing.
    const first = events.slice(0, 300);
    const inFlight = send(first).then(() => "answered", () => "lost");
    await api.kill9();
    await inFlight;
    api = await startApi(port, {}, { source: true });
    const resent = produce(() => api?.url ?? "", s.admin, events, [...Array(300).keys()], { batchSize: 300 });
    const r1 = (await resent).answers[0];
    expect((r1?.accepted ?? 0) + (r1?.duplicates ?? 0)).toBe(300);
    expect((await facts(learner)).events).toBe(300);

    // 2. Killed once the database holds the batch (committed; the answer may not have left).
    const second = events.slice(300);
    const pending = send(second).then(() => "answered", () => "lost");
    expect(await until(async () => (await facts(learner)).events === 600, 60_000, 20)).toBe(true);
    await api.kill9();
    await pending;
    api = await startApi(port, {}, { source: true });
    const again = await produce(() => api?.url ?? "", s.admin, events, [...Array(300).keys()].map((k) => k + 300), { batchSize: 300 });
    expect(again.answers[0]).toEqual({ accepted: 0, duplicates: 300 });

    // The same 600 answers without faults, for another learner.
    await produce(() => s.frontier.url, s.admin, reference, [...reference.keys()], { batchSize: 300 });
    const [got, want] = [await facts(learner), await facts((reference[0] as StreamEvent).learnerId)];
    expect(got.events).toBe(600);
    expect(got.history.length).toBeGreaterThan(600);
    expect(shape(got, learner)).toEqual(shape(want, (reference[0] as StreamEvent).learnerId));
  }, 180_000);
});

describe("after the commit", () => {
  it("a failing fan-out does not turn stored events into an error (issue 21 item 7)", async () => {
    const fanout = s.frontier.infra.fanout;
    const original = fanout.publishMastery;
    fanout.publishMastery = () => {
      throw new Error("fan-out down");
    };
    const events = stream(P, "post", 1, 5, 9);
    try {
      const res = await s.gql(RECORD, { e: events }, s.admin);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ recordEvents: { accepted: 5, duplicates: 0, rejected: 0 } });
    } finally {
      fanout.publishMastery = original;
    }
    expect((await facts((events[0] as StreamEvent).learnerId)).events).toBe(5);
    expect((await s.gql(RECORD, { e: events }, s.admin)).data).toEqual({ recordEvents: { accepted: 0, duplicates: 5, rejected: 0 } });
  });
});

describe("a subscriber that stops reading", () => {
  it("has its queues cut (counted) while another subscriber gets every change and the server keeps answering", async () => {
    const wsUrl = `${s.url.replace(/^http/, "ws")}`;
    const bulk = stream(P, "bulk", 1, 1000, 11);
    const calm = stream(P, "calm", 1, 20, 12);
    const bulkLearner = (bulk[0] as StreamEvent).learnerId;
    const calmLearner = (calm[0] as StreamEvent).learnerId;
    const metric = async (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(await (await fetch(`${s.frontier.url}/metrics`)).text())?.[1]);

    // The stuck client: 50 subscriptions with every field on the bulk learner, then it stops reading.
    const stuck = new WebSocket(wsUrl, "graphql-transport-ws");
    await new Promise<void>((done) => stuck.once("open", () => done()));
    const acked = new Promise<void>((done) => stuck.on("message", (d) => String(d).includes("connection_ack") && done()));
    stuck.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${s.admin}` } }));
    await acked;
    const fat = "subscription($l: ID) { masteryChanged(learnerId: $l) { id seq learnerId conceptId eventId before after attempts reason explanation detail at recordedAt } }";
    for (let i = 0; i < 50; i++) stuck.send(JSON.stringify({ id: String(i), type: "subscribe", payload: { query: fat, variables: { l: bulkLearner } } }));
    expect(await until(async () => (await metric("frontier_live_subscriptions")) >= 50, 10_000)).toBe(true);
    stuck.pause();

    // A well-behaved subscriber on another learner.
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${s.admin}` } });
    const seen: number[] = [];
    const subscribed = new Promise<void>((done) => client.on("connected", () => done()));
    client.subscribe<{ masteryChanged: { seq: number } }>({ query: "subscription($l: ID) { masteryChanged(learnerId: $l) { seq } }", variables: { l: calmLearner } }, { next: (v) => v.data && seen.push(v.data.masteryChanged.seq), error: () => {}, complete: () => {} });
    await subscribed;
    expect(await until(async () => (await metric("frontier_live_subscriptions")) >= 51, 10_000)).toBe(true);

    try {
      const dropped = await metric("frontier_live_records_dropped");
      // About 1,500 changes x 50 subscriptions x ~700 bytes: far more than the socket buffers hold.
      for (let k = 0; k < 4; k++) await produce(() => s.frontier.url, s.admin, bulk, [...Array(250).keys()].map((j) => j + k * 250), { batchSize: 250 });
      await produce(() => s.frontier.url, s.admin, calm, [...calm.keys()], { batchSize: 1 });
      const stored = (await facts(calmLearner)).history.map((h) => h.seq);
      expect(await until(() => seen.length >= stored.length, 20_000)).toBe(true);
      expect([...seen].sort((a, b) => a - b)).toEqual(stored);
      expect(await until(async () => (await metric("frontier_live_records_dropped")) > dropped, 20_000)).toBe(true);
      expect((await fetch(`${s.frontier.url}/healthz`)).status).toBe(200);
    } finally {
      stuck.terminate();
      await client.dispose();
    }
  }, 120_000);
});
