/**
 * 1,000 subscribed WebSockets (in their own process) on 10 learners whose answers arrive one at a
 * time at a fixed rate, beside a bulk load (batches of 50 answers of one other learner every
 * 500 ms): delivery latency (commit to receipt) of the 1,000 and the server's memory, first
 * without, then with one more client that subscribes 50 times, with every field, to the bulk
 * learner (about 6 MB/s for it, more than the kernel's socket buffers hold for long) and then
 * stops reading its socket. The server must keep its memory bounded (per
 * subscription queue and send buffer capped, then messages dropped, then keep-alive ends the
 * socket) and the others' p99 should stay within 2x of the first run.
 */
import { fork } from "node:child_process";
import WebSocket from "ws";
import { freePort, sleep, startApi, until } from "./procs.js";
import { harnessDb, importCurriculum, produce, round, stream } from "./stream.js";

const FAT = "subscription($l: ID) { masteryChanged(learnerId: $l) { id seq learnerId conceptId eventId before after attempts reason explanation detail at recordedAt } }";

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) : NaN;
};

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
  return m ? Number(m[1]) : NaN;
}

export async function slowReader(o: { neo4jUri: string; prefix: string; seed: number; admin: string; designer: string; sockets: number; seconds: number; rate: number; log: (m: string) => void }) {
  const { prefix, admin } = o;
  const db = harnessDb(o.neo4jUri);
  const api = await startApi(await freePort(), { NEO4J_URI: o.neo4jUri, LOG_LEVEL: "silent" });
  const wsUrl = `${api.url.replace(/^http/, "ws")}/graphql`;
  const child = fork(new URL("./ws-subscribers.ts", import.meta.url), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ask = <T>(m: unknown, answer: string) =>
    new Promise<T>((done) => {
      const on = (r: unknown) => {
        if ((r as { type: string }).type !== answer) return;
        child.off("message", on);
        done(r as T);
      };
      child.on("message", on);
      child.send(m as never);
    });
  let stuck: WebSocket | null = null;
  try {
    await importCurriculum(api.url, o.designer, prefix);
    const learners = 10;
    const total = o.rate * o.seconds * 2 + 100;
    const events = stream(prefix, "slow", learners, total, o.seed);
    const ids = [...new Set(events.map((e) => e.learnerId))];
    const bulk = stream(prefix, "bulk", 1, 100 * o.seconds * 4, o.seed + 3);
    const bulkIds = [...new Set(bulk.map((e) => e.learnerId))];
    let bulkNext = 0;
    const rssIdle = api.rss();
    await ask({ type: "start", url: wsUrl, token: admin, learners: ids, sockets: o.sockets }, "connected");
    await sleep(1000);
    const rssConnected = api.rss();
    o.log(`slow-reader: ${o.sockets} sockets open (server RSS ${Math.round(rssConnected / 2 ** 20)} MiB)`);

    let next = 0;
    const phase = async () => {
      const samples: number[] = [];
      const open: number[] = [];
      let stop = false;
      const sampling = (async () => {
        while (!stop) {
          samples.push(api.rss());
          open.push(await metric(api.url, "frontier_ws_open_connections"));
          await sleep(250);
        }
      })();
      const loading = (async () => {
        const t0 = performance.now();
        for (let k = 0; !stop; k++) {
          const lane = [...Array(50).keys()].map((j) => j + bulkNext);
          bulkNext += 50;
          await produce(() => api.url, admin, bulk, lane, { batchSize: 50 });
          await sleep(Math.max(0, t0 + (k + 1) * 500 - performance.now()));
        }
      })();
      child.send({ type: "measure" });
      // One answer every 1000/rate ms, each alone (the worst case for fan-out: one push per answer).
      const changesBefore = (await Promise.all(ids.map((l) => db.facts(l)))).reduce((n, f) => n + f.history.length, 0);
      const lane = [...Array(o.rate * o.seconds).keys()].map((k) => k + next);
      next += lane.length;
      const started = performance.now();
      const log = await produce(() => api.url, admin, events, lane, { batchSize: 1, pauseMs: Math.max(0, 1000 / o.rate - 5) });
      const seconds = (performance.now() - started) / 1000;
      await sleep(1500);
      stop = true;
      await Promise.all([sampling, loading]);
      const r = await ask<{ latencies: number[]; received: number; errors: number; closed: number }>({ type: "report" }, "report");
      const changes = (await Promise.all(ids.map((l) => db.facts(l)))).reduce((n, f) => n + f.history.length, 0) - changesBefore;
      return {
        answersPerSecond: round(lane.length / seconds),
        failedWrites: log.attempts.filter((a) => a.outcome !== "ok").length,
        delivered: r.received,
        // Every change of a learner reaches the sockets subscribed to it (sockets / learners each).
        expectedDeliveries: (changes * o.sockets) / learners,
        p50Ms: round(quantile(r.latencies, 0.5)),
        p99Ms: round(quantile(r.latencies, 0.99)),
        maxMs: round(r.latencies.reduce((a, b) => Math.max(a, b), -Infinity)),
        subscriberErrors: r.errors,
        subscribersClosed: r.closed,
        serverRssMaxMiB: round(samples.reduce((a, b) => Math.max(a, b), -Infinity) / 2 ** 20),
        serverRssEndMiB: round((samples.at(-1) ?? NaN) / 2 ** 20),
        openConnections: { min: Math.min(...open), max: Math.max(...open) },
      };
    };
    o.log("slow-reader: run without the stuck client");
    const without = await phase();

    // The stuck client: 50 subscriptions with every field, then it stops reading (the TCP window closes).
    stuck = new WebSocket(wsUrl, "graphql-transport-ws");
    const s = stuck;
    await new Promise<void>((done) => s.once("open", () => done()));
    let acked = false;
    s.on("message", (d) => {
      if (String(d).includes("connection_ack")) acked = true;
    });
    s.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${admin}` } }));
    await until(() => acked, 10_000);
    for (let i = 0; i < 50; i++) s.send(JSON.stringify({ id: String(i), type: "subscribe", payload: { query: FAT, variables: { l: bulkIds[i % bulkIds.length] } } }));
    await sleep(500);
    s.pause();
    const pausedAt = performance.now();
    const droppedBefore = await metric(api.url, "frontier_ws_messages_dropped");
    const recordsDroppedBefore = await metric(api.url, "frontier_live_records_dropped");
    // When the server ends the stuck socket (keep-alive): the open-connection count falls to the 1,000.
    let stuckClosedAfterMs: number | null = null;
    const watching = (async () => {
      while (stuckClosedAfterMs === null && performance.now() - pausedAt < 120_000) {
        if ((await metric(api.url, "frontier_ws_open_connections")) <= o.sockets) stuckClosedAfterMs = performance.now() - pausedAt;
        else await sleep(250);
      }
    })();
    o.log("slow-reader: run with a client that stopped reading");
    const withStuck = await phase();
    const dropped = (await metric(api.url, "frontier_ws_messages_dropped")) - droppedBefore;
    const recordsDropped = (await metric(api.url, "frontier_live_records_dropped")) - recordsDroppedBefore;
    await watching;
    const openAfter = await metric(api.url, "frontier_ws_open_connections");
    return {
      sockets: o.sockets,
      learners,
      rate: o.rate,
      secondsPerRun: o.seconds,
      serverRssIdleMiB: round(rssIdle / 2 ** 20),
      serverRssConnectedMiB: round(rssConnected / 2 ** 20),
      without,
      withStuck,
      bulkAnswersPerSecond: 100,
      stuckMessagesDropped: dropped,
      stuckRecordsDroppedFromQueues: recordsDropped,
      stuckClosedByServerAfterMs: stuckClosedAfterMs === null ? null : round(stuckClosedAfterMs),
      openConnectionsAtEnd: openAfter,
      p99Ratio: round((withStuck.p99Ms ?? NaN) / (without.p99Ms ?? NaN)),
    };
  } finally {
    stuck?.terminate();
    child.send({ type: "stop" });
    await new Promise<void>((done) => (child.exitCode !== null ? done() : child.once("exit", () => done())));
    await api.stop();
    await db.cleanup(prefix);
    await db.close();
  }
}
